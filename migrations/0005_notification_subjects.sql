-- A notification is about a subject of some feature's type ("case" now), or about nothing.
-- No foreign key: the notifications feature knows no other feature's tables; the feature
-- that owns a type says which of its subjects a user may see (a notification about one
-- that is gone is not shown).
ALTER TABLE "notifications" ADD COLUMN "subject_type" text;--> statement-breakpoint
ALTER TABLE "notifications" ADD COLUMN "subject_id" uuid;--> statement-breakpoint
-- Existing notifications keep their case as their subject.
UPDATE "notifications" SET "subject_type" = 'case', "subject_id" = "case_id" WHERE "case_id" IS NOT NULL;--> statement-breakpoint
-- The API's deadline no longer carries the rule id (it is the first part of the deadline's
-- key, so nothing is lost): stored bodies follow the contract's strict schema.
UPDATE "notifications" SET "body" = "body" #- '{deadline,ruleId}' WHERE "body" -> 'deadline' ? 'ruleId';--> statement-breakpoint
ALTER TABLE "notifications" DROP CONSTRAINT "notifications_case_id_cases_id_fk";--> statement-breakpoint
ALTER TABLE "notifications" DROP COLUMN "case_id";--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_subject_check" CHECK (("notifications"."subject_type" IS NULL) = ("notifications"."subject_id" IS NULL));
-- The list (a user's own, newest first) is still served by "notifications_user_created"
-- (user_id, created_at) and the unread count by "notifications_user_unread": both unchanged.
