CREATE TABLE "case_statistics" (
	"case_id" uuid NOT NULL,
	"measure" text NOT NULL,
	"on" date NOT NULL,
	"until" date,
	"value" text,
	"kind" text NOT NULL,
	"direction" text NOT NULL,
	"partner" char(2) NOT NULL,
	"category" text,
	"basis" text NOT NULL,
	"team_id" uuid,
	"confidentiality" text NOT NULL,
	"started_on" date,
	"days" integer,
	"grounds" text[] DEFAULT '{}'::text[] NOT NULL,
	"amount" numeric(19, 4),
	"currency" char(3),
	"extent" text,
	"asset_id" text,
	CONSTRAINT "case_statistics_measure_check" CHECK ("case_statistics"."measure" IN ('request', 'decision', 'execution', 'surrender', 'withdrawal', 'closure', 'reopening', 'status', 'asset')),
	CONSTRAINT "case_statistics_kind_check" CHECK ("case_statistics"."kind" IN ('mla', 'extradition', 'asset_recovery', 'transfer_of_proceedings', 'preservation_of_data')),
	CONSTRAINT "case_statistics_direction_check" CHECK ("case_statistics"."direction" IN ('incoming', 'outgoing')),
	CONSTRAINT "case_statistics_period" CHECK ("case_statistics"."until" IS NULL OR "case_statistics"."until" >= "case_statistics"."on")
);
--> statement-breakpoint
CREATE TABLE "saved_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"owner_id" uuid NOT NULL,
	"name" text NOT NULL,
	"query" jsonb NOT NULL,
	"shared" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "case_statistics" ADD CONSTRAINT "case_statistics_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "saved_reports" ADD CONSTRAINT "saved_reports_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "case_statistics_case" ON "case_statistics" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "case_statistics_events" ON "case_statistics" USING btree ("measure","category","on","partner","kind","direction","until","value","days","grounds");--> statement-breakpoint
CREATE INDEX "case_statistics_open" ON "case_statistics" USING btree ("on","partner","category","kind","direction","value","started_on") WHERE "case_statistics"."measure" = 'status' AND "case_statistics"."until" IS NULL AND "case_statistics"."value" NOT IN ('draft', 'refused', 'executed', 'surrendered', 'withdrawn', 'closed');--> statement-breakpoint
CREATE INDEX "case_statistics_pending" ON "case_statistics" USING gist (daterange("on", "until", '[)')) WHERE "case_statistics"."measure" = 'status' AND "case_statistics"."until" IS NOT NULL AND "case_statistics"."value" NOT IN ('draft', 'refused', 'executed', 'surrendered', 'withdrawn', 'closed');--> statement-breakpoint
CREATE INDEX "saved_reports_owner" ON "saved_reports" USING btree ("owner_id");