-- Hand-written: trigram search on references (pg_trgm is a trusted extension, PostgreSQL 13+).
CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
CREATE TABLE "case_documents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"name" text NOT NULL,
	"media_type" text NOT NULL,
	"size" integer NOT NULL,
	"sha256" text NOT NULL,
	"content" "bytea" NOT NULL,
	"uploaded_by" uuid,
	"uploaded_at" timestamp with time zone NOT NULL,
	"kind" text NOT NULL,
	CONSTRAINT "case_documents_kind_check" CHECK ("case_documents"."kind" IN ('uploaded', 'generated')),
	CONSTRAINT "case_documents_sha256_format" CHECK ("case_documents"."sha256" ~ '^[0-9a-f]{64}$'),
	CONSTRAINT "case_documents_size_check" CHECK ("case_documents"."size" >= 0)
);
--> statement-breakpoint
CREATE TABLE "case_events" (
	"case_id" uuid NOT NULL,
	"sequence" integer NOT NULL,
	"type" text NOT NULL,
	"occurred_on" date,
	"payload" jsonb NOT NULL,
	"recorded_at" timestamp (6) with time zone NOT NULL,
	"actor_id" uuid,
	CONSTRAINT "case_events_case_id_sequence_pk" PRIMARY KEY("case_id","sequence"),
	CONSTRAINT "case_events_type_check" CHECK ("case_events"."type" IN ('opened', 'header_amended', 'facts_amended', 'received', 'registered', 'sent', 'assigned', 'information_requested', 'information_received', 'consultation_held', 'provisional_arrest', 'released', 'consent_recorded', 'assurance_recorded', 'decided', 'measure_status_changed', 'asset_stage_changed', 'surrender_date_set', 'surrendered', 'correspondence_logged', 'follow_up_opened', 'document_added', 'withdrawn', 'closed', 'reopened')),
	CONSTRAINT "case_events_sequence_positive" CHECK ("case_events"."sequence" >= 1)
);
--> statement-breakpoint
CREATE TABLE "cases" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"reference" text NOT NULL,
	"kind" text NOT NULL,
	"direction" text NOT NULL,
	"requesting_state" char(2) NOT NULL,
	"requested_state" char(2) NOT NULL,
	"status" text NOT NULL,
	"priority" text NOT NULL,
	"confidentiality" text NOT NULL,
	"team_id" uuid,
	"legal_basis_instrument_id" uuid,
	"title" text NOT NULL,
	"offence_category" text,
	"opened_on" date NOT NULL,
	"received_on" date,
	"decided_on" date,
	"closed_on" date,
	"version" integer NOT NULL,
	"projection" jsonb NOT NULL,
	"search" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('english', "cases"."reference" || ' ' || "cases"."title" || ' ' || coalesce("cases"."projection" #>> '{header,foreignReference}', '')), 'A') || setweight(to_tsvector('russian', "cases"."reference" || ' ' || "cases"."title" || ' ' || coalesce("cases"."projection" #>> '{header,foreignReference}', '')), 'A') || setweight(to_tsvector('simple', "cases"."reference" || ' ' || "cases"."title" || ' ' || coalesce("cases"."projection" #>> '{header,foreignReference}', '')), 'A')
          || setweight(to_tsvector('english', jsonb_path_query_array("cases"."projection", '$.facts.persons[*].fullName') || jsonb_path_query_array("cases"."projection", '$.facts.persons[*].otherNames[*]')), 'A') || setweight(to_tsvector('russian', jsonb_path_query_array("cases"."projection", '$.facts.persons[*].fullName') || jsonb_path_query_array("cases"."projection", '$.facts.persons[*].otherNames[*]')), 'A') || setweight(to_tsvector('simple', jsonb_path_query_array("cases"."projection", '$.facts.persons[*].fullName') || jsonb_path_query_array("cases"."projection", '$.facts.persons[*].otherNames[*]')), 'A')
          || setweight(to_tsvector('english', jsonb_path_query_array("cases"."projection", '$.facts.offences[*].article') || jsonb_path_query_array("cases"."projection", '$.facts.offences[*].description')), 'B') || setweight(to_tsvector('russian', jsonb_path_query_array("cases"."projection", '$.facts.offences[*].article') || jsonb_path_query_array("cases"."projection", '$.facts.offences[*].description')), 'B') || setweight(to_tsvector('simple', jsonb_path_query_array("cases"."projection", '$.facts.offences[*].article') || jsonb_path_query_array("cases"."projection", '$.facts.offences[*].description')), 'B')
          || setweight(to_tsvector('english', coalesce("cases"."projection" #>> '{header,summary}', '')), 'C') || setweight(to_tsvector('russian', coalesce("cases"."projection" #>> '{header,summary}', '')), 'C') || setweight(to_tsvector('simple', coalesce("cases"."projection" #>> '{header,summary}', '')), 'C')) STORED,
	"next_deadline_on" date,
	"deadlines" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "cases_reference_unique" UNIQUE("reference"),
	CONSTRAINT "cases_kind_check" CHECK ("cases"."kind" IN ('mla', 'extradition', 'asset_recovery', 'transfer_of_proceedings', 'preservation_of_data')),
	CONSTRAINT "cases_direction_check" CHECK ("cases"."direction" IN ('incoming', 'outgoing')),
	CONSTRAINT "cases_status_check" CHECK ("cases"."status" IN ('draft', 'sent', 'received', 'registered', 'under_examination', 'awaiting_information', 'granted', 'partially_granted', 'refused', 'in_execution', 'executed', 'surrendered', 'withdrawn', 'closed')),
	CONSTRAINT "cases_priority_check" CHECK ("cases"."priority" IN ('normal', 'high', 'urgent')),
	CONSTRAINT "cases_confidentiality_check" CHECK ("cases"."confidentiality" IN ('standard', 'restricted', 'secret')),
	CONSTRAINT "cases_version_positive" CHECK ("cases"."version" >= 1)
);
--> statement-breakpoint
CREATE TABLE "idempotency_keys" (
	"user_id" uuid NOT NULL,
	"key" text NOT NULL,
	"route" text NOT NULL,
	"request_hash" text NOT NULL,
	"response_status" integer,
	"response_body" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "idempotency_keys_user_id_key_pk" PRIMARY KEY("user_id","key")
);
--> statement-breakpoint
CREATE TABLE "notifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"case_id" uuid,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"body" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"due_on" date,
	"dedupe_key" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"read_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "team_members" (
	"team_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"added_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "team_members_team_id_user_id_pk" PRIMARY KEY("team_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "teams" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "teams_name_unique" UNIQUE("name")
);
--> statement-breakpoint
ALTER TABLE "users" DROP CONSTRAINT "users_role_check";--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "clearance" text DEFAULT 'standard' NOT NULL;--> statement-breakpoint
ALTER TABLE "case_documents" ADD CONSTRAINT "case_documents_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_documents" ADD CONSTRAINT "case_documents_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_events" ADD CONSTRAINT "case_events_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_events" ADD CONSTRAINT "case_events_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_requesting_state_states_code_fk" FOREIGN KEY ("requesting_state") REFERENCES "public"."states"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_requested_state_states_code_fk" FOREIGN KEY ("requested_state") REFERENCES "public"."states"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_legal_basis_instrument_id_instruments_id_fk" FOREIGN KEY ("legal_basis_instrument_id") REFERENCES "public"."instruments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "idempotency_keys" ADD CONSTRAINT "idempotency_keys_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team_members" ADD CONSTRAINT "team_members_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team_members" ADD CONSTRAINT "team_members_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "case_documents_case" ON "case_documents" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "case_events_type_occurred" ON "case_events" USING btree ("type","occurred_on");--> statement-breakpoint
CREATE INDEX "cases_search" ON "cases" USING gin ("search");--> statement-breakpoint
CREATE INDEX "cases_confidentiality_team" ON "cases" USING btree ("confidentiality","team_id");--> statement-breakpoint
CREATE INDEX "cases_reference_trigram" ON "cases" USING gin ("reference" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "cases_status" ON "cases" USING btree ("status");--> statement-breakpoint
CREATE INDEX "cases_kind" ON "cases" USING btree ("kind");--> statement-breakpoint
CREATE INDEX "cases_direction" ON "cases" USING btree ("direction");--> statement-breakpoint
CREATE INDEX "cases_requesting_state" ON "cases" USING btree ("requesting_state");--> statement-breakpoint
CREATE INDEX "cases_requested_state" ON "cases" USING btree ("requested_state");--> statement-breakpoint
CREATE INDEX "cases_team" ON "cases" USING btree ("team_id");--> statement-breakpoint
CREATE INDEX "cases_next_deadline" ON "cases" USING btree ("next_deadline_on");--> statement-breakpoint
CREATE INDEX "cases_opened_on" ON "cases" USING btree ("opened_on");--> statement-breakpoint
CREATE INDEX "notifications_user_unread" ON "notifications" USING btree ("user_id","read_at");--> statement-breakpoint
CREATE INDEX "notifications_user_created" ON "notifications" USING btree ("user_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "notifications_user_dedupe" ON "notifications" USING btree ("user_id","dedupe_key");--> statement-breakpoint
CREATE INDEX "team_members_user" ON "team_members" USING btree ("user_id");--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_clearance_check" CHECK ("users"."clearance" IN ('standard', 'restricted', 'secret'));--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_role_check" CHECK ("users"."role" IN ('administrator', 'registrar', 'case_officer', 'supervisor', 'analyst', 'auditor'));--> statement-breakpoint
-- Hand-written: a case's history is append-only, like the audit trail (0001).
-- 1. Events and documents are never changed or removed once written: UPDATE and DELETE
--    are refused row by row, TRUNCATE by a statement trigger (TRUNCATE fires no row
--    triggers). SQLSTATE 42501 = insufficient_privilege. A document's bytes are also
--    checked against their SHA-256 on every download, which catches a change made by
--    someone able to bypass triggers.
CREATE FUNCTION append_only_forbid_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP USING ERRCODE = '42501';
END
$$;
--> statement-breakpoint
CREATE TRIGGER case_events_no_update_delete BEFORE UPDATE OR DELETE ON case_events
  FOR EACH ROW EXECUTE FUNCTION append_only_forbid_change();
--> statement-breakpoint
CREATE TRIGGER case_events_no_truncate BEFORE TRUNCATE ON case_events
  FOR EACH STATEMENT EXECUTE FUNCTION append_only_forbid_change();
--> statement-breakpoint
CREATE TRIGGER case_documents_no_update_delete BEFORE UPDATE OR DELETE ON case_documents
  FOR EACH ROW EXECUTE FUNCTION append_only_forbid_change();
--> statement-breakpoint
CREATE TRIGGER case_documents_no_truncate BEFORE TRUNCATE ON case_documents
  FOR EACH STATEMENT EXECUTE FUNCTION append_only_forbid_change();
--> statement-breakpoint
-- 2. Every insert extends its case's stream by exactly one: sequence = last + 1, so the
--    stream has no gaps and its last sequence is the case's version. The server also
--    holds the case row's lock while appending; this is the database's own guarantee.
CREATE FUNCTION case_events_extend_stream() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  last_sequence integer;
BEGIN
  SELECT coalesce(max(sequence), 0) INTO last_sequence FROM case_events WHERE case_id = NEW.case_id;
  IF NEW.sequence IS DISTINCT FROM last_sequence + 1 THEN
    RAISE EXCEPTION 'case_events: sequence % does not follow % in case %', NEW.sequence, last_sequence, NEW.case_id
      USING ERRCODE = '23514';
  END IF;
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER case_events_extend_stream BEFORE INSERT ON case_events
  FOR EACH ROW EXECUTE FUNCTION case_events_extend_stream();
