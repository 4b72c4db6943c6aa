CREATE TYPE "public"."case_status" AS ENUM('reported', 'initial_response', 'investigating', 'school_review', 'self_resolved', 'committee_requested', 'hearing_scheduled', 'decided', 'disposition_issued', 'in_execution', 'appeal_pending', 'closed');--> statement-breakpoint
CREATE TYPE "public"."category" AS ENUM('physical', 'verbal', 'extortion', 'coercion', 'exclusion', 'cyberbullying', 'sexual_violence', 'digital_sex_offence', 'other');--> statement-breakpoint
CREATE TYPE "public"."learned_via" AS ENUM('direct_report', 'teacher_observation', 'guardian_contact', 'survey', 'police_notice', 'hotline_117', 'other');--> statement-breakpoint
CREATE TYPE "public"."party_role" AS ENUM('victim', 'alleged_perpetrator', 'both', 'witness', 'reporter');--> statement-breakpoint
CREATE TYPE "public"."reporter_type" AS ENUM('student', 'guardian', 'teacher', 'anonymous', 'police', 'other');--> statement-breakpoint
CREATE TABLE "case_counters" (
	"office_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"last_seq" integer NOT NULL,
	CONSTRAINT "case_counters_office_id_year_pk" PRIMARY KEY("office_id","year")
);
--> statement-breakpoint
CREATE TABLE "case_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"case_id" uuid NOT NULL,
	"type" text NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL,
	"actor_id" uuid,
	"data" jsonb DEFAULT '{}'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "case_parties" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"role" "party_role" NOT NULL,
	"name_enc" text NOT NULL,
	"pseudonym" text NOT NULL,
	"school_id" uuid,
	"other_school_name" text,
	"grade" integer,
	"class_no" text,
	"birth_date_enc" text,
	"guardian_name_enc" text,
	"guardian_contact_enc" text,
	"position" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cases" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_number" text NOT NULL,
	"office_id" uuid NOT NULL,
	"school_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"seq" integer NOT NULL,
	"status" "case_status" DEFAULT 'reported' NOT NULL,
	"reported_at" timestamp with time zone NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"location" text NOT NULL,
	"learned_via" "learned_via" NOT NULL,
	"reporter_type" "reporter_type" NOT NULL,
	"categories" "category"[] NOT NULL,
	"summary_enc" text NOT NULL,
	"restricted" boolean DEFAULT false NOT NULL,
	"created_by" uuid NOT NULL,
	"idempotency_key" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"deadlines" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"next_due_at" timestamp with time zone,
	"next_due_key" text,
	"closed_at" timestamp with time zone,
	CONSTRAINT "cases_case_number_unique" UNIQUE("case_number"),
	CONSTRAINT "cases_idempotency_key_unique" UNIQUE("idempotency_key")
);
--> statement-breakpoint
CREATE TABLE "extra_holidays" (
	"date" date PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "email_outbox" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"to_address" text NOT NULL,
	"subject" text NOT NULL,
	"body" text NOT NULL,
	"dedupe_key" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	CONSTRAINT "email_outbox_dedupe_key_unique" UNIQUE("dedupe_key")
);
--> statement-breakpoint
CREATE TABLE "notifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"case_id" uuid,
	"kind" text NOT NULL,
	"params" jsonb NOT NULL,
	"dedupe_key" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"read_at" timestamp with time zone,
	CONSTRAINT "notifications_dedupe_key_unique" UNIQUE("dedupe_key")
);
--> statement-breakpoint
ALTER TABLE "case_counters" ADD CONSTRAINT "case_counters_office_id_offices_id_fk" FOREIGN KEY ("office_id") REFERENCES "public"."offices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_events" ADD CONSTRAINT "case_events_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_events" ADD CONSTRAINT "case_events_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_parties" ADD CONSTRAINT "case_parties_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_parties" ADD CONSTRAINT "case_parties_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_office_id_offices_id_fk" FOREIGN KEY ("office_id") REFERENCES "public"."offices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "extra_holidays" ADD CONSTRAINT "extra_holidays_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "case_events_case_idx" ON "case_events" USING btree ("case_id","occurred_at");--> statement-breakpoint
CREATE INDEX "case_parties_case_idx" ON "case_parties" USING btree ("case_id");--> statement-breakpoint
CREATE UNIQUE INDEX "cases_office_year_seq_unique" ON "cases" USING btree ("office_id","year","seq");--> statement-breakpoint
CREATE INDEX "cases_school_status_idx" ON "cases" USING btree ("school_id","status","next_due_at");--> statement-breakpoint
CREATE INDEX "cases_office_status_idx" ON "cases" USING btree ("office_id","status","next_due_at");--> statement-breakpoint
CREATE INDEX "email_outbox_pending_idx" ON "email_outbox" USING btree ("sent_at","created_at");--> statement-breakpoint
CREATE INDEX "notifications_user_idx" ON "notifications" USING btree ("user_id","read_at","created_at");