-- A revision number of the registry, moved by every change to the tables the resolver
-- reads. App servers keep the registry in memory and reload it only when the revision
-- they hold is not the current one, so every server sees every change at once.
CREATE TABLE registry_revision (id integer PRIMARY KEY CHECK (id = 1), revision bigint NOT NULL);
--> statement-breakpoint
INSERT INTO registry_revision (id, revision) VALUES (1, 1);
--> statement-breakpoint
CREATE FUNCTION registry_revision_bump() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE registry_revision SET revision = revision + 1 WHERE id = 1;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER instruments_revision AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON instruments
  FOR EACH STATEMENT EXECUTE FUNCTION registry_revision_bump();
--> statement-breakpoint
CREATE TRIGGER party_actions_revision AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON party_actions
  FOR EACH STATEMENT EXECUTE FUNCTION registry_revision_bump();
--> statement-breakpoint
CREATE TRIGGER negotiation_stages_revision AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON negotiation_stages
  FOR EACH STATEMENT EXECUTE FUNCTION registry_revision_bump();
--> statement-breakpoint
CREATE TRIGGER instrument_relations_revision AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON instrument_relations
  FOR EACH STATEMENT EXECUTE FUNCTION registry_revision_bump();
--> statement-breakpoint
CREATE TRIGGER agencies_revision AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON agencies
  FOR EACH STATEMENT EXECUTE FUNCTION registry_revision_bump();
