-- The audit trail is append-only (SECURITY.md §3.2).
-- 1. The chain starts at the genesis head: seq 0, hash of 32 zero bytes.
INSERT INTO audit_head (id, seq, hash) VALUES (1, 0, decode(repeat('00', 32), 'hex'));
--> statement-breakpoint
-- 2. UPDATE and DELETE are refused row by row, TRUNCATE by a statement trigger
--    (TRUNCATE fires no row triggers). SQLSTATE 42501 = insufficient_privilege.
CREATE FUNCTION audit_log_forbid_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only: % refused', TG_OP USING ERRCODE = '42501';
END
$$;
--> statement-breakpoint
CREATE TRIGGER audit_log_no_update_delete BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_forbid_change();
--> statement-breakpoint
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_forbid_change();
--> statement-breakpoint
-- 3. Every insert must extend the chain: seq = head.seq + 1 and prev_hash = head.hash.
--    The head moves in the same transaction, so a rolled-back change leaves no gap.
--    (The hash itself is an HMAC whose key is outside the database; the application
--    computes it and `comity audit verify` checks it.)
CREATE FUNCTION audit_log_extend_chain() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  head_seq bigint;
  head_hash bytea;
BEGIN
  SELECT seq, hash INTO head_seq, head_hash FROM audit_head WHERE id = 1 FOR UPDATE;
  IF NEW.seq IS DISTINCT FROM head_seq + 1 THEN
    RAISE EXCEPTION 'audit_log: seq % does not follow the head %', NEW.seq, head_seq USING ERRCODE = '23514';
  END IF;
  IF NEW.prev_hash IS DISTINCT FROM head_hash THEN
    RAISE EXCEPTION 'audit_log: prev_hash of entry % does not match the head', NEW.seq USING ERRCODE = '23514';
  END IF;
  UPDATE audit_head SET seq = NEW.seq, hash = NEW.hash WHERE id = 1;
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER audit_log_extend_chain BEFORE INSERT ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_extend_chain();
--> statement-breakpoint
-- 4. The head can move forward only through an insert into audit_log, never by hand.
CREATE FUNCTION audit_head_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'UPDATE' OR pg_trigger_depth() < 2 THEN
    RAISE EXCEPTION 'audit_head changes only when an entry is appended to audit_log' USING ERRCODE = '42501';
  END IF;
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER audit_head_guard BEFORE UPDATE OR DELETE ON audit_head
  FOR EACH ROW EXECUTE FUNCTION audit_head_guard();
--> statement-breakpoint
CREATE TRIGGER audit_head_no_truncate BEFORE TRUNCATE ON audit_head
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_forbid_change();
--> statement-breakpoint
-- 5. Checkpoints are append-only too.
CREATE TRIGGER audit_checkpoints_no_update_delete BEFORE UPDATE OR DELETE ON audit_checkpoints
  FOR EACH ROW EXECUTE FUNCTION audit_log_forbid_change();
--> statement-breakpoint
CREATE TRIGGER audit_checkpoints_no_truncate BEFORE TRUNCATE ON audit_checkpoints
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_forbid_change();
