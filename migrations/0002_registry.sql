CREATE TABLE "agencies" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"state_code" char(2) NOT NULL,
	"kind" text NOT NULL,
	"name_en" text NOT NULL,
	"name_ru" text NOT NULL,
	"name_original" text,
	"abbreviation" text,
	"parent_agency_id" uuid,
	"website" text,
	"is_demo" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "agencies_kind_check" CHECK ("agencies"."kind" IN ('prosecution_service', 'ministry_of_justice', 'court', 'police', 'fiu', 'foreign_affairs', 'other'))
);
--> statement-breakpoint
CREATE TABLE "memberships" (
	"organisation_code" text NOT NULL,
	"state_code" char(2) NOT NULL,
	"status" text NOT NULL,
	"source" text NOT NULL,
	"as_of" text NOT NULL,
	CONSTRAINT "memberships_organisation_code_state_code_pk" PRIMARY KEY("organisation_code","state_code")
);
--> statement-breakpoint
CREATE TABLE "organisations" (
	"code" text PRIMARY KEY NOT NULL,
	"name_en" text NOT NULL,
	"as_of" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "people" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name_en" text NOT NULL,
	"name_ru" text NOT NULL,
	"notes" text,
	"is_demo" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "positions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"agency_id" uuid NOT NULL,
	"title_en" text NOT NULL,
	"title_ru" text NOT NULL,
	"start_on" text,
	"end_on" text,
	"source_url" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "instrument_relations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"from_instrument_id" uuid NOT NULL,
	"to_instrument_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"note" text,
	"source" jsonb,
	"is_demo" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "instrument_relations_kind_check" CHECK ("instrument_relations"."kind" IN ('protocol_of', 'amends', 'supersedes', 'aims_at')),
	CONSTRAINT "instrument_relations_not_self" CHECK ("instrument_relations"."from_instrument_id" <> "instrument_relations"."to_instrument_id")
);
--> statement-breakpoint
CREATE TABLE "instruments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"kind" text NOT NULL,
	"title_en" text NOT NULL,
	"title_ru" text,
	"title_original" text,
	"original_language" text,
	"short_title" text,
	"identifiers" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"subjects" text[] NOT NULL,
	"binding" boolean NOT NULL,
	"level" text NOT NULL,
	"scope" text NOT NULL,
	"organisation" text,
	"opened_for_signature" text,
	"place" text,
	"entry_into_force" text,
	"entry_into_force_delay_days" integer,
	"term_start" text,
	"term_end" text,
	"duration_months" integer,
	"depositary_url" text,
	"texts" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"sources" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"intended_parties" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"notes" text,
	"is_demo" boolean DEFAULT false NOT NULL,
	"origin" text DEFAULT 'manual' NOT NULL,
	"search" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('english', coalesce("instruments"."title_en", '') || ' ' || coalesce("instruments"."short_title", '') || ' ' || "instruments"."code"), 'A')
          || setweight(to_tsvector('russian', coalesce("instruments"."title_ru", '') || ' ' || coalesce("instruments"."title_original", '')), 'A')
          || setweight(to_tsvector('english', coalesce("instruments"."notes", '') || ' ' || coalesce("instruments"."organisation", '')), 'C')) STORED,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "instruments_code_unique" UNIQUE("code"),
	CONSTRAINT "instruments_kind_check" CHECK ("instruments"."kind" IN ('treaty', 'convention', 'protocol', 'memorandum', 'cooperation_programme', 'letter_of_intent')),
	CONSTRAINT "instruments_level_check" CHECK ("instruments"."level" IN ('interstate', 'intergovernmental', 'interagency')),
	CONSTRAINT "instruments_scope_check" CHECK ("instruments"."scope" IN ('bilateral', 'plurilateral', 'regional', 'universal'))
);
--> statement-breakpoint
CREATE TABLE "negotiation_stages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"instrument_id" uuid NOT NULL,
	"stage" text NOT NULL,
	"date" text,
	"note" text,
	"source" jsonb,
	"is_demo" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "negotiation_stages_stage_check" CHECK ("negotiation_stages"."stage" IN ('initiative', 'mandate', 'negotiation_round', 'draft_agreed', 'initialled', 'approved_for_signature', 'signed', 'ratification_pending'))
);
--> statement-breakpoint
CREATE TABLE "party_actions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"instrument_id" uuid NOT NULL,
	"party_type" text NOT NULL,
	"party_code" text,
	"party_agency_id" uuid,
	"party_state" char(2),
	"action" text NOT NULL,
	"date" text,
	"effective_on" text,
	"in_respect_of" text[] DEFAULT '{}' NOT NULL,
	"payload" jsonb,
	"text" text,
	"source" jsonb,
	"as_of" text,
	"verified" boolean DEFAULT false NOT NULL,
	"is_demo" boolean DEFAULT false NOT NULL,
	"origin" text DEFAULT 'manual' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "party_actions_party_type_check" CHECK ("party_actions"."party_type" IN ('state', 'agency', 'organisation')),
	CONSTRAINT "party_actions_action_check" CHECK ("party_actions"."action" IN ('signature', 'ratification', 'acceptance', 'approval', 'accession', 'succession', 'entry_into_force', 'reservation', 'declaration', 'withdrawal', 'denunciation', 'expiry', 'suspension', 'resumption')),
	CONSTRAINT "party_actions_party_ref" CHECK (("party_actions"."party_type" = 'agency') = ("party_actions"."party_agency_id" IS NOT NULL) AND ("party_actions"."party_type" = 'agency') = ("party_actions"."party_code" IS NULL))
);
--> statement-breakpoint
ALTER TABLE "agencies" ADD CONSTRAINT "agencies_state_code_states_code_fk" FOREIGN KEY ("state_code") REFERENCES "public"."states"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agencies" ADD CONSTRAINT "agencies_parent_agency_id_agencies_id_fk" FOREIGN KEY ("parent_agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_organisation_code_organisations_code_fk" FOREIGN KEY ("organisation_code") REFERENCES "public"."organisations"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_state_code_states_code_fk" FOREIGN KEY ("state_code") REFERENCES "public"."states"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "positions" ADD CONSTRAINT "positions_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "positions" ADD CONSTRAINT "positions_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "instrument_relations" ADD CONSTRAINT "instrument_relations_from_instrument_id_instruments_id_fk" FOREIGN KEY ("from_instrument_id") REFERENCES "public"."instruments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "instrument_relations" ADD CONSTRAINT "instrument_relations_to_instrument_id_instruments_id_fk" FOREIGN KEY ("to_instrument_id") REFERENCES "public"."instruments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "negotiation_stages" ADD CONSTRAINT "negotiation_stages_instrument_id_instruments_id_fk" FOREIGN KEY ("instrument_id") REFERENCES "public"."instruments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "party_actions" ADD CONSTRAINT "party_actions_instrument_id_instruments_id_fk" FOREIGN KEY ("instrument_id") REFERENCES "public"."instruments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "party_actions" ADD CONSTRAINT "party_actions_party_agency_id_agencies_id_fk" FOREIGN KEY ("party_agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "agencies_state" ON "agencies" USING btree ("state_code");--> statement-breakpoint
CREATE INDEX "memberships_state" ON "memberships" USING btree ("state_code");--> statement-breakpoint
CREATE INDEX "positions_person" ON "positions" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "positions_agency" ON "positions" USING btree ("agency_id");--> statement-breakpoint
CREATE UNIQUE INDEX "instrument_relations_unique" ON "instrument_relations" USING btree ("from_instrument_id","to_instrument_id","kind");--> statement-breakpoint
CREATE INDEX "instruments_search" ON "instruments" USING gin ("search");--> statement-breakpoint
CREATE INDEX "negotiation_stages_instrument" ON "negotiation_stages" USING btree ("instrument_id");--> statement-breakpoint
CREATE INDEX "party_actions_instrument" ON "party_actions" USING btree ("instrument_id");--> statement-breakpoint
CREATE INDEX "party_actions_state" ON "party_actions" USING btree ("party_state");--> statement-breakpoint
CREATE UNIQUE INDEX "party_actions_fact" ON "party_actions" USING btree ("instrument_id","party_type",coalesce("party_code", "party_agency_id"::text),"action",coalesce("date", ''),coalesce("text", ''));