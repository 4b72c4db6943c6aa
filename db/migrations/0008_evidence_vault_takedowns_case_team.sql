CREATE TYPE "public"."case_team_role" AS ENUM('assigned_staff', 'school_head', 'investigator', 'committee_secretary', 'added');--> statement-breakpoint
CREATE TYPE "public"."custody_action" AS ENUM('uploaded', 'marked_sensitive', 'preview_viewed', 'original_viewed', 'downloaded', 'purged', 'custody_exported');--> statement-breakpoint
CREATE TYPE "public"."takedown_status" AS ENUM('requested', 'in_progress', 'removed', 'refused', 'reuploaded', 'closed');--> statement-breakpoint
CREATE TYPE "public"."takedown_target" AS ENUM('dsc', 'platform', 'kcsc');--> statement-breakpoint
CREATE TABLE "case_team_members" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"team_role" "case_team_role" NOT NULL,
	"added_by" uuid,
	"added_at" timestamp with time zone NOT NULL,
	"removed_by" uuid,
	"removed_at" timestamp with time zone,
	"reason" text
);
--> statement-breakpoint
CREATE TABLE "evidence_custody" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"evidence_id" uuid,
	"case_id" uuid NOT NULL,
	"action" "custody_action" NOT NULL,
	"actor_id" uuid,
	"at" timestamp with time zone NOT NULL,
	"reason" text,
	"sha256" text,
	"ip" text
);
--> statement-breakpoint
CREATE TABLE "evidence_files" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"file_name_enc" text NOT NULL,
	"description_enc" text,
	"content_type" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"sha256" text NOT NULL,
	"sensitive" boolean DEFAULT false NOT NULL,
	"storage_key" text,
	"wrapped_key" text,
	"uploaded_by" uuid NOT NULL,
	"uploaded_at" timestamp with time zone NOT NULL,
	"purged_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "legal_holds" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"reason" text NOT NULL,
	"set_by" uuid NOT NULL,
	"set_at" timestamp with time zone NOT NULL,
	"released_by" uuid,
	"released_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "online_locations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"platform" text NOT NULL,
	"url_enc" text NOT NULL,
	"first_seen_at" timestamp with time zone NOT NULL,
	"first_seen_by_enc" text NOT NULL,
	"recorded_by" uuid NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "takedown_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"location_id" uuid NOT NULL,
	"target" "takedown_target" NOT NULL,
	"requested_at" timestamp with time zone NOT NULL,
	"reference_no" text,
	"status" "takedown_status" DEFAULT 'requested' NOT NULL,
	"status_at" timestamp with time zone NOT NULL,
	"next_reminder_at" timestamp with time zone,
	"created_by" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "takedown_updates" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"request_id" uuid NOT NULL,
	"status" "takedown_status" NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"note_enc" text,
	"actor_id" uuid
);
--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "team_user_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL;--> statement-breakpoint
ALTER TABLE "case_team_members" ADD CONSTRAINT "case_team_members_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_team_members" ADD CONSTRAINT "case_team_members_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_team_members" ADD CONSTRAINT "case_team_members_added_by_users_id_fk" FOREIGN KEY ("added_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_team_members" ADD CONSTRAINT "case_team_members_removed_by_users_id_fk" FOREIGN KEY ("removed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evidence_custody" ADD CONSTRAINT "evidence_custody_evidence_id_evidence_files_id_fk" FOREIGN KEY ("evidence_id") REFERENCES "public"."evidence_files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evidence_custody" ADD CONSTRAINT "evidence_custody_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evidence_custody" ADD CONSTRAINT "evidence_custody_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evidence_files" ADD CONSTRAINT "evidence_files_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evidence_files" ADD CONSTRAINT "evidence_files_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "legal_holds" ADD CONSTRAINT "legal_holds_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "legal_holds" ADD CONSTRAINT "legal_holds_set_by_users_id_fk" FOREIGN KEY ("set_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "legal_holds" ADD CONSTRAINT "legal_holds_released_by_users_id_fk" FOREIGN KEY ("released_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "online_locations" ADD CONSTRAINT "online_locations_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "online_locations" ADD CONSTRAINT "online_locations_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "takedown_requests" ADD CONSTRAINT "takedown_requests_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "takedown_requests" ADD CONSTRAINT "takedown_requests_location_id_online_locations_id_fk" FOREIGN KEY ("location_id") REFERENCES "public"."online_locations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "takedown_requests" ADD CONSTRAINT "takedown_requests_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "takedown_updates" ADD CONSTRAINT "takedown_updates_request_id_takedown_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."takedown_requests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "takedown_updates" ADD CONSTRAINT "takedown_updates_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "case_team_members_case_idx" ON "case_team_members" USING btree ("case_id","removed_at");--> statement-breakpoint
CREATE INDEX "case_team_members_user_idx" ON "case_team_members" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "evidence_custody_evidence_idx" ON "evidence_custody" USING btree ("evidence_id","at");--> statement-breakpoint
CREATE INDEX "evidence_custody_case_idx" ON "evidence_custody" USING btree ("case_id","at");--> statement-breakpoint
CREATE INDEX "evidence_files_case_idx" ON "evidence_files" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "legal_holds_case_idx" ON "legal_holds" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "online_locations_case_idx" ON "online_locations" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "takedown_requests_case_idx" ON "takedown_requests" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "takedown_requests_reminder_idx" ON "takedown_requests" USING btree ("next_reminder_at");--> statement-breakpoint
CREATE INDEX "takedown_updates_request_idx" ON "takedown_updates" USING btree ("request_id","at");--> statement-breakpoint
-- The chain of custody is append-only, like the audit log.
CREATE FUNCTION evidence_custody_reject_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'evidence_custody is append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER evidence_custody_no_update_delete BEFORE UPDATE OR DELETE ON evidence_custody
  FOR EACH ROW EXECUTE FUNCTION evidence_custody_reject_change();
--> statement-breakpoint
CREATE TRIGGER evidence_custody_no_truncate BEFORE TRUNCATE ON evidence_custody
  FOR EACH STATEMENT EXECUTE FUNCTION evidence_custody_reject_change();
--> statement-breakpoint
-- Restricted cases filed before the team existed: the filer, the school's heads, the assigned investigator,
-- and the office's committee secretaries once the committee was requested.
INSERT INTO case_team_members (case_id, user_id, team_role, added_at, reason)
SELECT c.id, c.created_by, 'assigned_staff'::case_team_role, now(), 'backfill' FROM cases c WHERE c.restricted
UNION
SELECT c.id, g.user_id, 'school_head'::case_team_role, now(), 'backfill' FROM cases c JOIN role_grants g ON g.role = 'school_head' AND g.school_id = c.school_id WHERE c.restricted AND g.user_id <> c.created_by
UNION
SELECT c.id, a.user_id, 'investigator'::case_team_role, now(), 'backfill' FROM cases c JOIN case_assignments a ON a.case_id = c.id AND a.role = 'investigator' WHERE c.restricted
UNION
SELECT c.id, g.user_id, 'committee_secretary'::case_team_role, now(), 'backfill' FROM cases c JOIN role_grants g ON g.role = 'committee_secretary' AND g.office_id = c.office_id
  WHERE c.restricted AND EXISTS (SELECT 1 FROM case_events e WHERE e.case_id = c.id AND e.type = 'committee_requested');
--> statement-breakpoint
UPDATE cases c SET team_user_ids = ARRAY(SELECT DISTINCT m.user_id FROM case_team_members m WHERE m.case_id = c.id AND m.removed_at IS NULL) WHERE c.restricted;
