CREATE TABLE "action_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"engagement_id" uuid NOT NULL,
	"outcome_id" uuid NOT NULL,
	"commitment_kind" text NOT NULL,
	"title" text NOT NULL,
	"owner_user_id" uuid,
	"owner_team_id" uuid,
	"due_on" date NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"closing_note" text,
	"closed_on" date,
	"history" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"is_demo" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "action_items_outcome_id_unique" UNIQUE("outcome_id"),
	CONSTRAINT "action_items_status_check" CHECK ("action_items"."status" IN ('open', 'in_progress', 'done', 'dropped')),
	CONSTRAINT "action_items_commitment_kind_check" CHECK ("action_items"."commitment_kind" IN ('commitment', 'agreement', 'proposal')),
	CONSTRAINT "action_items_one_owner" CHECK (("action_items"."owner_user_id" IS NULL) <> ("action_items"."owner_team_id" IS NULL)),
	CONSTRAINT "action_items_closed" CHECK (("action_items"."status" IN ('done', 'dropped')) = ("action_items"."closed_on" IS NOT NULL AND "action_items"."closing_note" IS NOT NULL))
);
--> statement-breakpoint
CREATE TABLE "outcome_party_actions" (
	"outcome_id" uuid NOT NULL,
	"party_action_id" uuid NOT NULL,
	CONSTRAINT "outcome_party_actions_outcome_id_party_action_id_pk" PRIMARY KEY("outcome_id","party_action_id")
);
--> statement-breakpoint
CREATE TABLE "engagement_outcomes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"engagement_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"date" date NOT NULL,
	"source" jsonb,
	"note" text,
	"details" jsonb NOT NULL,
	"instrument_id" uuid,
	"case_id" uuid,
	"planned_engagement_id" uuid,
	"is_demo" boolean DEFAULT false NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "engagement_outcomes_kind_check" CHECK ("engagement_outcomes"."kind" IN ('instrument_signed', 'programme_adopted', 'commitment', 'invitation', 'statement', 'case_discussed')),
	CONSTRAINT "engagement_outcomes_details_kind" CHECK ("engagement_outcomes"."details" ->> 'kind' = "engagement_outcomes"."kind"),
	CONSTRAINT "engagement_outcomes_instrument" CHECK (("engagement_outcomes"."kind" IN ('instrument_signed', 'programme_adopted')) = ("engagement_outcomes"."instrument_id" IS NOT NULL)),
	CONSTRAINT "engagement_outcomes_case" CHECK (("engagement_outcomes"."kind" = 'case_discussed') = ("engagement_outcomes"."case_id" IS NOT NULL))
);
--> statement-breakpoint
CREATE TABLE "engagement_participants" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"engagement_id" uuid NOT NULL,
	"ordinal" integer NOT NULL,
	"side" char(2) NOT NULL,
	"role" text NOT NULL,
	"person_id" uuid,
	"agency_id" uuid,
	"position_id" uuid,
	"note" text,
	CONSTRAINT "engagement_participants_role_check" CHECK ("engagement_participants"."role" IN ('head_of_delegation', 'member', 'host', 'observer'))
);
--> statement-breakpoint
CREATE TABLE "engagements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"title_en" text NOT NULL,
	"title_ru" text NOT NULL,
	"status" text NOT NULL,
	"start_on" date NOT NULL,
	"end_on" date NOT NULL,
	"precision" text DEFAULT 'day' NOT NULL,
	"city" text,
	"place_state" char(2),
	"host_state" char(2),
	"host_agency_id" uuid,
	"states" text[] DEFAULT '{}' NOT NULL,
	"named_states" text[] DEFAULT '{}' NOT NULL,
	"agenda" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"summary" text,
	"notes" text,
	"sources" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"confidentiality" text DEFAULT 'standard' NOT NULL,
	"source_key" text,
	"invited_by_outcome_id" uuid,
	"search_names" text DEFAULT '' NOT NULL,
	"search" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('english', "engagements"."title_en"), 'A')
          || setweight(to_tsvector('russian', "engagements"."title_ru"), 'A')
          || setweight(to_tsvector('simple', "engagements"."title_en" || ' ' || "engagements"."title_ru" || ' ' || "engagements"."search_names" || ' ' || coalesce("engagements"."city", '')), 'A')
          || setweight(to_tsvector('english', coalesce("engagements"."summary", '') || ' ' || "engagements"."agenda"::text), 'B')
          || setweight(to_tsvector('russian', coalesce("engagements"."summary", '') || ' ' || "engagements"."agenda"::text), 'B')
          || setweight(to_tsvector('simple', coalesce("engagements"."notes", '')), 'C')) STORED,
	"is_demo" boolean DEFAULT false NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "engagements_kind_check" CHECK ("engagements"."kind" IN ('incoming_visit', 'outgoing_visit', 'bilateral_meeting', 'multilateral_meeting', 'conference', 'call', 'working_group', 'signing_ceremony', 'other')),
	CONSTRAINT "engagements_status_check" CHECK ("engagements"."status" IN ('planned', 'held', 'postponed', 'cancelled')),
	CONSTRAINT "engagements_precision_check" CHECK ("engagements"."precision" IN ('day', 'month', 'year')),
	CONSTRAINT "engagements_confidentiality_check" CHECK ("engagements"."confidentiality" IN ('standard', 'restricted', 'secret')),
	CONSTRAINT "engagements_dates_ordered" CHECK ("engagements"."start_on" <= "engagements"."end_on")
);
--> statement-breakpoint
ALTER TABLE "action_items" ADD CONSTRAINT "action_items_engagement_id_engagements_id_fk" FOREIGN KEY ("engagement_id") REFERENCES "public"."engagements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_items" ADD CONSTRAINT "action_items_outcome_id_engagement_outcomes_id_fk" FOREIGN KEY ("outcome_id") REFERENCES "public"."engagement_outcomes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_items" ADD CONSTRAINT "action_items_owner_user_id_users_id_fk" FOREIGN KEY ("owner_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_items" ADD CONSTRAINT "action_items_owner_team_id_teams_id_fk" FOREIGN KEY ("owner_team_id") REFERENCES "public"."teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outcome_party_actions" ADD CONSTRAINT "outcome_party_actions_outcome_id_engagement_outcomes_id_fk" FOREIGN KEY ("outcome_id") REFERENCES "public"."engagement_outcomes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outcome_party_actions" ADD CONSTRAINT "outcome_party_actions_party_action_id_party_actions_id_fk" FOREIGN KEY ("party_action_id") REFERENCES "public"."party_actions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "engagement_outcomes" ADD CONSTRAINT "engagement_outcomes_engagement_id_engagements_id_fk" FOREIGN KEY ("engagement_id") REFERENCES "public"."engagements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "engagement_outcomes" ADD CONSTRAINT "engagement_outcomes_instrument_id_instruments_id_fk" FOREIGN KEY ("instrument_id") REFERENCES "public"."instruments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "engagement_outcomes" ADD CONSTRAINT "engagement_outcomes_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "engagement_outcomes" ADD CONSTRAINT "engagement_outcomes_planned_engagement_id_engagements_id_fk" FOREIGN KEY ("planned_engagement_id") REFERENCES "public"."engagements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "engagement_outcomes" ADD CONSTRAINT "engagement_outcomes_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "engagement_participants" ADD CONSTRAINT "engagement_participants_engagement_id_engagements_id_fk" FOREIGN KEY ("engagement_id") REFERENCES "public"."engagements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "engagement_participants" ADD CONSTRAINT "engagement_participants_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "engagement_participants" ADD CONSTRAINT "engagement_participants_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "engagement_participants" ADD CONSTRAINT "engagement_participants_position_id_positions_id_fk" FOREIGN KEY ("position_id") REFERENCES "public"."positions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "engagements" ADD CONSTRAINT "engagements_host_agency_id_agencies_id_fk" FOREIGN KEY ("host_agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "engagements" ADD CONSTRAINT "engagements_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "action_items_open_due" ON "action_items" USING btree ("due_on") WHERE "action_items"."status" IN ('open', 'in_progress');--> statement-breakpoint
CREATE INDEX "action_items_owner_user" ON "action_items" USING btree ("owner_user_id","status");--> statement-breakpoint
CREATE INDEX "action_items_owner_team" ON "action_items" USING btree ("owner_team_id","status");--> statement-breakpoint
CREATE INDEX "action_items_engagement" ON "action_items" USING btree ("engagement_id");--> statement-breakpoint
CREATE INDEX "outcome_party_actions_action" ON "outcome_party_actions" USING btree ("party_action_id");--> statement-breakpoint
CREATE INDEX "engagement_outcomes_engagement" ON "engagement_outcomes" USING btree ("engagement_id","created_at");--> statement-breakpoint
CREATE INDEX "engagement_outcomes_instrument" ON "engagement_outcomes" USING btree ("instrument_id");--> statement-breakpoint
CREATE INDEX "engagement_outcomes_case" ON "engagement_outcomes" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "engagement_participants_engagement" ON "engagement_participants" USING btree ("engagement_id","ordinal");--> statement-breakpoint
CREATE INDEX "engagement_participants_person" ON "engagement_participants" USING btree ("person_id");--> statement-breakpoint
CREATE UNIQUE INDEX "engagements_source_key" ON "engagements" USING btree ("source_key");--> statement-breakpoint
CREATE INDEX "engagements_start_on" ON "engagements" USING btree ("start_on","id");--> statement-breakpoint
CREATE INDEX "engagements_states" ON "engagements" USING gin ("states");--> statement-breakpoint
CREATE INDEX "engagements_search" ON "engagements" USING gin ("search");