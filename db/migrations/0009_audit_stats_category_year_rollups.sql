CREATE TABLE "audit_deadline_category_months" (
	"category" "category" NOT NULL,
	"month" date NOT NULL,
	"office_id" uuid NOT NULL,
	"school_level" "school_level" NOT NULL,
	"key" "deadline_key" NOT NULL,
	"clocks" integer DEFAULT 0 NOT NULL,
	"met" integer DEFAULT 0 NOT NULL,
	"met_late" integer DEFAULT 0 NOT NULL,
	"unmet" integer DEFAULT 0 NOT NULL,
	"unmet_open" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "audit_deadline_category_months_category_month_office_id_school_level_key_pk" PRIMARY KEY("category","month","office_id","school_level","key")
);
--> statement-breakpoint
CREATE TABLE "audit_deadline_national_months" (
	"month" date NOT NULL,
	"school_level" "school_level" NOT NULL,
	"key" "deadline_key" NOT NULL,
	"clocks" integer DEFAULT 0 NOT NULL,
	"met" integer DEFAULT 0 NOT NULL,
	"met_late" integer DEFAULT 0 NOT NULL,
	"unmet" integer DEFAULT 0 NOT NULL,
	"unmet_open" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "audit_deadline_national_months_month_school_level_key_pk" PRIMARY KEY("month","school_level","key")
);
--> statement-breakpoint
CREATE TABLE "audit_deadline_totals" (
	"office_id" uuid NOT NULL,
	"school_level" "school_level" NOT NULL,
	"key" "deadline_key" NOT NULL,
	"clocks" integer DEFAULT 0 NOT NULL,
	"met" integer DEFAULT 0 NOT NULL,
	"met_late" integer DEFAULT 0 NOT NULL,
	"unmet" integer DEFAULT 0 NOT NULL,
	"unmet_open" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "audit_deadline_totals_office_id_school_level_key_pk" PRIMARY KEY("office_id","school_level","key")
);
--> statement-breakpoint
CREATE TABLE "audit_deadline_years" (
	"year" smallint NOT NULL,
	"office_id" uuid NOT NULL,
	"school_level" "school_level" NOT NULL,
	"key" "deadline_key" NOT NULL,
	"clocks" integer DEFAULT 0 NOT NULL,
	"met" integer DEFAULT 0 NOT NULL,
	"met_late" integer DEFAULT 0 NOT NULL,
	"unmet" integer DEFAULT 0 NOT NULL,
	"unmet_open" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "audit_deadline_years_year_office_id_school_level_key_pk" PRIMARY KEY("year","office_id","school_level","key")
);
--> statement-breakpoint
CREATE TABLE "audit_elapsed_category_months" (
	"category" "category" NOT NULL,
	"month" date NOT NULL,
	"school_level" "school_level" NOT NULL,
	"key" "deadline_key" NOT NULL,
	"elapsed_hours" integer NOT NULL,
	"n" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "audit_elapsed_category_months_category_month_school_level_key_elapsed_hours_pk" PRIMARY KEY("category","month","school_level","key","elapsed_hours")
);
--> statement-breakpoint
CREATE TABLE "audit_elapsed_totals" (
	"school_level" "school_level" NOT NULL,
	"key" "deadline_key" NOT NULL,
	"elapsed_hours" integer NOT NULL,
	"n" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "audit_elapsed_totals_school_level_key_elapsed_hours_pk" PRIMARY KEY("school_level","key","elapsed_hours")
);
--> statement-breakpoint
CREATE TABLE "audit_elapsed_years" (
	"year" smallint NOT NULL,
	"school_level" "school_level" NOT NULL,
	"key" "deadline_key" NOT NULL,
	"elapsed_hours" integer NOT NULL,
	"n" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "audit_elapsed_years_year_school_level_key_elapsed_hours_pk" PRIMARY KEY("year","school_level","key","elapsed_hours")
);
--> statement-breakpoint
CREATE TABLE "audit_office_category_months" (
	"category" "category" NOT NULL,
	"month" date NOT NULL,
	"office_id" uuid NOT NULL,
	"school_level" "school_level" NOT NULL,
	"cases" integer DEFAULT 0 NOT NULL,
	"clocks" integer DEFAULT 0 NOT NULL,
	"clocks_met" integer DEFAULT 0 NOT NULL,
	"clocks_met_late" integer DEFAULT 0 NOT NULL,
	"clocks_unmet" integer DEFAULT 0 NOT NULL,
	"cat_physical" integer DEFAULT 0 NOT NULL,
	"cat_verbal" integer DEFAULT 0 NOT NULL,
	"cat_extortion" integer DEFAULT 0 NOT NULL,
	"cat_coercion" integer DEFAULT 0 NOT NULL,
	"cat_exclusion" integer DEFAULT 0 NOT NULL,
	"cat_cyberbullying" integer DEFAULT 0 NOT NULL,
	"cat_sexual_violence" integer DEFAULT 0 NOT NULL,
	"cat_digital_sex_offence" integer DEFAULT 0 NOT NULL,
	"cat_other" integer DEFAULT 0 NOT NULL,
	"sexual_cases" integer DEFAULT 0 NOT NULL,
	"sexual_police_reported" integer DEFAULT 0 NOT NULL,
	"dso_police_reported" integer DEFAULT 0 NOT NULL,
	"self_resolved" integer DEFAULT 0 NOT NULL,
	"closed_not_violence" integer DEFAULT 0 NOT NULL,
	"committee_requested" integer DEFAULT 0 NOT NULL,
	"deliberated" integer DEFAULT 0 NOT NULL,
	"decided" integer DEFAULT 0 NOT NULL,
	"perpetrators_decided" integer DEFAULT 0 NOT NULL,
	"committee_not_violence" integer DEFAULT 0 NOT NULL,
	"pm1" integer DEFAULT 0 NOT NULL,
	"pm2" integer DEFAULT 0 NOT NULL,
	"pm3" integer DEFAULT 0 NOT NULL,
	"pm4" integer DEFAULT 0 NOT NULL,
	"pm5" integer DEFAULT 0 NOT NULL,
	"pm6" integer DEFAULT 0 NOT NULL,
	"pm7" integer DEFAULT 0 NOT NULL,
	"pm8" integer DEFAULT 0 NOT NULL,
	"pm9" integer DEFAULT 0 NOT NULL,
	"victims_with_measures" integer DEFAULT 0 NOT NULL,
	"vm1" integer DEFAULT 0 NOT NULL,
	"vm2" integer DEFAULT 0 NOT NULL,
	"vm3" integer DEFAULT 0 NOT NULL,
	"vm4" integer DEFAULT 0 NOT NULL,
	"vm6" integer DEFAULT 0 NOT NULL,
	"emergency_suspension" integer DEFAULT 0 NOT NULL,
	"emergency_class_change" integer DEFAULT 0 NOT NULL,
	"emergency_ratified" integer DEFAULT 0 NOT NULL,
	"emergency_not_ratified" integer DEFAULT 0 NOT NULL,
	"appeals_victim" integer DEFAULT 0 NOT NULL,
	"appeals_perpetrator" integer DEFAULT 0 NOT NULL,
	"appeals_administrative" integer DEFAULT 0 NOT NULL,
	"appeals_lawsuit" integer DEFAULT 0 NOT NULL,
	"stays_granted" integer DEFAULT 0 NOT NULL,
	"appeals_upheld" integer DEFAULT 0 NOT NULL,
	"appeals_varied" integer DEFAULT 0 NOT NULL,
	"appeals_annulled" integer DEFAULT 0 NOT NULL,
	"appeals_withdrawn" integer DEFAULT 0 NOT NULL,
	"separation_exempted" integer DEFAULT 0 NOT NULL,
	"exemption_victim_declined" integer DEFAULT 0 NOT NULL,
	"exemption_outside_education_activity" integer DEFAULT 0 NOT NULL,
	"exemption_already_separated" integer DEFAULT 0 NOT NULL,
	"committee_extended" integer DEFAULT 0 NOT NULL,
	"committee_ext_member_shortage" integer DEFAULT 0 NOT NULL,
	"committee_ext_party_request" integer DEFAULT 0 NOT NULL,
	"committee_ext_supplementary_investigation" integer DEFAULT 0 NOT NULL,
	"committee_ext_other" integer DEFAULT 0 NOT NULL,
	"committee_ext_unspecified" integer DEFAULT 0 NOT NULL,
	"investigation_extended" integer DEFAULT 0 NOT NULL,
	"gap_days" integer DEFAULT 0 NOT NULL,
	"gap_cases" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "audit_office_category_months_category_month_office_id_school_level_pk" PRIMARY KEY("category","month","office_id","school_level")
);
--> statement-breakpoint
CREATE TABLE "audit_office_totals" (
	"office_id" uuid NOT NULL,
	"school_level" "school_level" NOT NULL,
	"cases" integer DEFAULT 0 NOT NULL,
	"clocks" integer DEFAULT 0 NOT NULL,
	"clocks_met" integer DEFAULT 0 NOT NULL,
	"clocks_met_late" integer DEFAULT 0 NOT NULL,
	"clocks_unmet" integer DEFAULT 0 NOT NULL,
	"cat_physical" integer DEFAULT 0 NOT NULL,
	"cat_verbal" integer DEFAULT 0 NOT NULL,
	"cat_extortion" integer DEFAULT 0 NOT NULL,
	"cat_coercion" integer DEFAULT 0 NOT NULL,
	"cat_exclusion" integer DEFAULT 0 NOT NULL,
	"cat_cyberbullying" integer DEFAULT 0 NOT NULL,
	"cat_sexual_violence" integer DEFAULT 0 NOT NULL,
	"cat_digital_sex_offence" integer DEFAULT 0 NOT NULL,
	"cat_other" integer DEFAULT 0 NOT NULL,
	"sexual_cases" integer DEFAULT 0 NOT NULL,
	"sexual_police_reported" integer DEFAULT 0 NOT NULL,
	"dso_police_reported" integer DEFAULT 0 NOT NULL,
	"self_resolved" integer DEFAULT 0 NOT NULL,
	"closed_not_violence" integer DEFAULT 0 NOT NULL,
	"committee_requested" integer DEFAULT 0 NOT NULL,
	"deliberated" integer DEFAULT 0 NOT NULL,
	"decided" integer DEFAULT 0 NOT NULL,
	"perpetrators_decided" integer DEFAULT 0 NOT NULL,
	"committee_not_violence" integer DEFAULT 0 NOT NULL,
	"pm1" integer DEFAULT 0 NOT NULL,
	"pm2" integer DEFAULT 0 NOT NULL,
	"pm3" integer DEFAULT 0 NOT NULL,
	"pm4" integer DEFAULT 0 NOT NULL,
	"pm5" integer DEFAULT 0 NOT NULL,
	"pm6" integer DEFAULT 0 NOT NULL,
	"pm7" integer DEFAULT 0 NOT NULL,
	"pm8" integer DEFAULT 0 NOT NULL,
	"pm9" integer DEFAULT 0 NOT NULL,
	"victims_with_measures" integer DEFAULT 0 NOT NULL,
	"vm1" integer DEFAULT 0 NOT NULL,
	"vm2" integer DEFAULT 0 NOT NULL,
	"vm3" integer DEFAULT 0 NOT NULL,
	"vm4" integer DEFAULT 0 NOT NULL,
	"vm6" integer DEFAULT 0 NOT NULL,
	"emergency_suspension" integer DEFAULT 0 NOT NULL,
	"emergency_class_change" integer DEFAULT 0 NOT NULL,
	"emergency_ratified" integer DEFAULT 0 NOT NULL,
	"emergency_not_ratified" integer DEFAULT 0 NOT NULL,
	"appeals_victim" integer DEFAULT 0 NOT NULL,
	"appeals_perpetrator" integer DEFAULT 0 NOT NULL,
	"appeals_administrative" integer DEFAULT 0 NOT NULL,
	"appeals_lawsuit" integer DEFAULT 0 NOT NULL,
	"stays_granted" integer DEFAULT 0 NOT NULL,
	"appeals_upheld" integer DEFAULT 0 NOT NULL,
	"appeals_varied" integer DEFAULT 0 NOT NULL,
	"appeals_annulled" integer DEFAULT 0 NOT NULL,
	"appeals_withdrawn" integer DEFAULT 0 NOT NULL,
	"separation_exempted" integer DEFAULT 0 NOT NULL,
	"exemption_victim_declined" integer DEFAULT 0 NOT NULL,
	"exemption_outside_education_activity" integer DEFAULT 0 NOT NULL,
	"exemption_already_separated" integer DEFAULT 0 NOT NULL,
	"committee_extended" integer DEFAULT 0 NOT NULL,
	"committee_ext_member_shortage" integer DEFAULT 0 NOT NULL,
	"committee_ext_party_request" integer DEFAULT 0 NOT NULL,
	"committee_ext_supplementary_investigation" integer DEFAULT 0 NOT NULL,
	"committee_ext_other" integer DEFAULT 0 NOT NULL,
	"committee_ext_unspecified" integer DEFAULT 0 NOT NULL,
	"investigation_extended" integer DEFAULT 0 NOT NULL,
	"gap_days" integer DEFAULT 0 NOT NULL,
	"gap_cases" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "audit_office_totals_office_id_school_level_pk" PRIMARY KEY("office_id","school_level")
);
--> statement-breakpoint
CREATE TABLE "audit_office_years" (
	"year" smallint NOT NULL,
	"office_id" uuid NOT NULL,
	"school_level" "school_level" NOT NULL,
	"cases" integer DEFAULT 0 NOT NULL,
	"clocks" integer DEFAULT 0 NOT NULL,
	"clocks_met" integer DEFAULT 0 NOT NULL,
	"clocks_met_late" integer DEFAULT 0 NOT NULL,
	"clocks_unmet" integer DEFAULT 0 NOT NULL,
	"cat_physical" integer DEFAULT 0 NOT NULL,
	"cat_verbal" integer DEFAULT 0 NOT NULL,
	"cat_extortion" integer DEFAULT 0 NOT NULL,
	"cat_coercion" integer DEFAULT 0 NOT NULL,
	"cat_exclusion" integer DEFAULT 0 NOT NULL,
	"cat_cyberbullying" integer DEFAULT 0 NOT NULL,
	"cat_sexual_violence" integer DEFAULT 0 NOT NULL,
	"cat_digital_sex_offence" integer DEFAULT 0 NOT NULL,
	"cat_other" integer DEFAULT 0 NOT NULL,
	"sexual_cases" integer DEFAULT 0 NOT NULL,
	"sexual_police_reported" integer DEFAULT 0 NOT NULL,
	"dso_police_reported" integer DEFAULT 0 NOT NULL,
	"self_resolved" integer DEFAULT 0 NOT NULL,
	"closed_not_violence" integer DEFAULT 0 NOT NULL,
	"committee_requested" integer DEFAULT 0 NOT NULL,
	"deliberated" integer DEFAULT 0 NOT NULL,
	"decided" integer DEFAULT 0 NOT NULL,
	"perpetrators_decided" integer DEFAULT 0 NOT NULL,
	"committee_not_violence" integer DEFAULT 0 NOT NULL,
	"pm1" integer DEFAULT 0 NOT NULL,
	"pm2" integer DEFAULT 0 NOT NULL,
	"pm3" integer DEFAULT 0 NOT NULL,
	"pm4" integer DEFAULT 0 NOT NULL,
	"pm5" integer DEFAULT 0 NOT NULL,
	"pm6" integer DEFAULT 0 NOT NULL,
	"pm7" integer DEFAULT 0 NOT NULL,
	"pm8" integer DEFAULT 0 NOT NULL,
	"pm9" integer DEFAULT 0 NOT NULL,
	"victims_with_measures" integer DEFAULT 0 NOT NULL,
	"vm1" integer DEFAULT 0 NOT NULL,
	"vm2" integer DEFAULT 0 NOT NULL,
	"vm3" integer DEFAULT 0 NOT NULL,
	"vm4" integer DEFAULT 0 NOT NULL,
	"vm6" integer DEFAULT 0 NOT NULL,
	"emergency_suspension" integer DEFAULT 0 NOT NULL,
	"emergency_class_change" integer DEFAULT 0 NOT NULL,
	"emergency_ratified" integer DEFAULT 0 NOT NULL,
	"emergency_not_ratified" integer DEFAULT 0 NOT NULL,
	"appeals_victim" integer DEFAULT 0 NOT NULL,
	"appeals_perpetrator" integer DEFAULT 0 NOT NULL,
	"appeals_administrative" integer DEFAULT 0 NOT NULL,
	"appeals_lawsuit" integer DEFAULT 0 NOT NULL,
	"stays_granted" integer DEFAULT 0 NOT NULL,
	"appeals_upheld" integer DEFAULT 0 NOT NULL,
	"appeals_varied" integer DEFAULT 0 NOT NULL,
	"appeals_annulled" integer DEFAULT 0 NOT NULL,
	"appeals_withdrawn" integer DEFAULT 0 NOT NULL,
	"separation_exempted" integer DEFAULT 0 NOT NULL,
	"exemption_victim_declined" integer DEFAULT 0 NOT NULL,
	"exemption_outside_education_activity" integer DEFAULT 0 NOT NULL,
	"exemption_already_separated" integer DEFAULT 0 NOT NULL,
	"committee_extended" integer DEFAULT 0 NOT NULL,
	"committee_ext_member_shortage" integer DEFAULT 0 NOT NULL,
	"committee_ext_party_request" integer DEFAULT 0 NOT NULL,
	"committee_ext_supplementary_investigation" integer DEFAULT 0 NOT NULL,
	"committee_ext_other" integer DEFAULT 0 NOT NULL,
	"committee_ext_unspecified" integer DEFAULT 0 NOT NULL,
	"investigation_extended" integer DEFAULT 0 NOT NULL,
	"gap_days" integer DEFAULT 0 NOT NULL,
	"gap_cases" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "audit_office_years_year_office_id_school_level_pk" PRIMARY KEY("year","office_id","school_level")
);
--> statement-breakpoint
CREATE TABLE "audit_school_category_months" (
	"category" "category" NOT NULL,
	"month" date NOT NULL,
	"school_id" uuid NOT NULL,
	"office_id" uuid NOT NULL,
	"school_level" "school_level" NOT NULL,
	"cases" integer DEFAULT 0 NOT NULL,
	"clocks" integer DEFAULT 0 NOT NULL,
	"clocks_met" integer DEFAULT 0 NOT NULL,
	"clocks_met_late" integer DEFAULT 0 NOT NULL,
	"clocks_unmet" integer DEFAULT 0 NOT NULL,
	"clocks_unmet_open" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "audit_school_category_months_category_month_school_id_pk" PRIMARY KEY("category","month","school_id")
);
--> statement-breakpoint
CREATE TABLE "audit_school_totals" (
	"school_id" uuid PRIMARY KEY NOT NULL,
	"office_id" uuid NOT NULL,
	"school_level" "school_level" NOT NULL,
	"cases" integer DEFAULT 0 NOT NULL,
	"clocks" integer DEFAULT 0 NOT NULL,
	"clocks_met" integer DEFAULT 0 NOT NULL,
	"clocks_met_late" integer DEFAULT 0 NOT NULL,
	"clocks_unmet" integer DEFAULT 0 NOT NULL,
	"clocks_unmet_open" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "audit_school_years" (
	"year" smallint NOT NULL,
	"school_id" uuid NOT NULL,
	"office_id" uuid NOT NULL,
	"school_level" "school_level" NOT NULL,
	"cases" integer DEFAULT 0 NOT NULL,
	"clocks" integer DEFAULT 0 NOT NULL,
	"clocks_met" integer DEFAULT 0 NOT NULL,
	"clocks_met_late" integer DEFAULT 0 NOT NULL,
	"clocks_unmet" integer DEFAULT 0 NOT NULL,
	"clocks_unmet_open" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "audit_school_years_year_school_id_pk" PRIMARY KEY("year","school_id")
);
--> statement-breakpoint
DROP INDEX "audit_deadline_results_unmet_idx";--> statement-breakpoint
DROP INDEX "audit_deadline_results_key_idx";--> statement-breakpoint
ALTER TABLE "audit_deadline_months" ADD COLUMN "unmet_open" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "audit_school_months" ADD COLUMN "clocks_unmet_open" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE INDEX "audit_deadline_category_months_office_idx" ON "audit_deadline_category_months" USING btree ("office_id","category","month");--> statement-breakpoint
CREATE INDEX "audit_deadline_years_office_idx" ON "audit_deadline_years" USING btree ("office_id","year");--> statement-breakpoint
CREATE INDEX "audit_office_category_months_office_idx" ON "audit_office_category_months" USING btree ("office_id","category","month");--> statement-breakpoint
CREATE INDEX "audit_office_years_office_idx" ON "audit_office_years" USING btree ("office_id","year");--> statement-breakpoint
CREATE INDEX "audit_school_category_months_office_idx" ON "audit_school_category_months" USING btree ("office_id","category","month");--> statement-breakpoint
CREATE INDEX "audit_school_totals_office_idx" ON "audit_school_totals" USING btree ("office_id");--> statement-breakpoint
CREATE INDEX "audit_school_years_office_idx" ON "audit_school_years" USING btree ("office_id","year");--> statement-breakpoint
CREATE INDEX "audit_deadline_results_pending_idx" ON "audit_deadline_results" USING btree ("due_at","reported_month","key","office_id","school_id","school_level","case_closed","categories") WHERE "audit_deadline_results"."met_at" is null;--> statement-breakpoint
CREATE INDEX "audit_deadline_results_key_idx" ON "audit_deadline_results" USING btree ("key","reported_month","office_id","school_id","school_level","met_at","due_at","case_closed");
--> statement-breakpoint
-- Backfill: every rollup rebuilt from the per-case rows already stored, as rebuildAuditRollups does
-- (lib/audit-dashboard/rollup-sql.ts): the new yearly, total, national and category rollups, and the new
-- unmet-in-open-cases columns of the monthly ones.
TRUNCATE "audit_deadline_months", "audit_deadline_years", "audit_deadline_totals", "audit_deadline_national_months", "audit_deadline_category_months", "audit_elapsed_months", "audit_elapsed_years", "audit_elapsed_totals", "audit_elapsed_category_months", "audit_school_months", "audit_school_years", "audit_school_totals", "audit_school_category_months", "audit_office_months", "audit_office_years", "audit_office_totals", "audit_office_category_months";
--> statement-breakpoint
insert into audit_deadline_months as t ("month", "office_id", "school_level", "key", "clocks", "met", "met_late", "unmet", "unmet_open")
select reported_month, office_id, school_level, key, sum(s), coalesce(sum(s) filter (where met_at is not null and met_at <= due_at), 0), coalesce(sum(s) filter (where met_at > due_at), 0), coalesce(sum(s) filter (where met_at is null), 0), coalesce(sum(s) filter (where met_at is null and not case_closed), 0)
from (select 1 as s, reported_month, office_id, school_id, school_level, categories, key, met_at, due_at, elapsed_hours, case_closed from audit_deadline_results) r
group by 1, 2, 3, 4
order by 1, 2, 3, 4
on conflict ("month", "office_id", "school_level", "key") do update set "clocks" = t."clocks" + excluded."clocks", "met" = t."met" + excluded."met", "met_late" = t."met_late" + excluded."met_late", "unmet" = t."unmet" + excluded."unmet", "unmet_open" = t."unmet_open" + excluded."unmet_open";
--> statement-breakpoint
insert into audit_deadline_years as t ("year", "office_id", "school_level", "key", "clocks", "met", "met_late", "unmet", "unmet_open")
select extract(year from reported_month)::smallint, office_id, school_level, key, sum(s), coalesce(sum(s) filter (where met_at is not null and met_at <= due_at), 0), coalesce(sum(s) filter (where met_at > due_at), 0), coalesce(sum(s) filter (where met_at is null), 0), coalesce(sum(s) filter (where met_at is null and not case_closed), 0)
from (select 1 as s, reported_month, office_id, school_id, school_level, categories, key, met_at, due_at, elapsed_hours, case_closed from audit_deadline_results) r
group by 1, 2, 3, 4
order by 1, 2, 3, 4
on conflict ("year", "office_id", "school_level", "key") do update set "clocks" = t."clocks" + excluded."clocks", "met" = t."met" + excluded."met", "met_late" = t."met_late" + excluded."met_late", "unmet" = t."unmet" + excluded."unmet", "unmet_open" = t."unmet_open" + excluded."unmet_open";
--> statement-breakpoint
insert into audit_deadline_totals as t ("office_id", "school_level", "key", "clocks", "met", "met_late", "unmet", "unmet_open")
select office_id, school_level, key, sum(s), coalesce(sum(s) filter (where met_at is not null and met_at <= due_at), 0), coalesce(sum(s) filter (where met_at > due_at), 0), coalesce(sum(s) filter (where met_at is null), 0), coalesce(sum(s) filter (where met_at is null and not case_closed), 0)
from (select 1 as s, reported_month, office_id, school_id, school_level, categories, key, met_at, due_at, elapsed_hours, case_closed from audit_deadline_results) r
group by 1, 2, 3
order by 1, 2, 3
on conflict ("office_id", "school_level", "key") do update set "clocks" = t."clocks" + excluded."clocks", "met" = t."met" + excluded."met", "met_late" = t."met_late" + excluded."met_late", "unmet" = t."unmet" + excluded."unmet", "unmet_open" = t."unmet_open" + excluded."unmet_open";
--> statement-breakpoint
insert into audit_deadline_national_months as t ("month", "school_level", "key", "clocks", "met", "met_late", "unmet", "unmet_open")
select reported_month, school_level, key, sum(s), coalesce(sum(s) filter (where met_at is not null and met_at <= due_at), 0), coalesce(sum(s) filter (where met_at > due_at), 0), coalesce(sum(s) filter (where met_at is null), 0), coalesce(sum(s) filter (where met_at is null and not case_closed), 0)
from (select 1 as s, reported_month, office_id, school_id, school_level, categories, key, met_at, due_at, elapsed_hours, case_closed from audit_deadline_results) r
group by 1, 2, 3
order by 1, 2, 3
on conflict ("month", "school_level", "key") do update set "clocks" = t."clocks" + excluded."clocks", "met" = t."met" + excluded."met", "met_late" = t."met_late" + excluded."met_late", "unmet" = t."unmet" + excluded."unmet", "unmet_open" = t."unmet_open" + excluded."unmet_open";
--> statement-breakpoint
insert into audit_deadline_category_months as t ("category", "month", "office_id", "school_level", "key", "clocks", "met", "met_late", "unmet", "unmet_open")
select category, reported_month, office_id, school_level, key, sum(s), coalesce(sum(s) filter (where met_at is not null and met_at <= due_at), 0), coalesce(sum(s) filter (where met_at > due_at), 0), coalesce(sum(s) filter (where met_at is null), 0), coalesce(sum(s) filter (where met_at is null and not case_closed), 0)
from (select 1 as s, reported_month, office_id, school_id, school_level, categories, key, met_at, due_at, elapsed_hours, case_closed from audit_deadline_results) r cross join lateral unnest(r.categories) as c(category)
group by 1, 2, 3, 4, 5
order by 1, 2, 3, 4, 5
on conflict ("category", "month", "office_id", "school_level", "key") do update set "clocks" = t."clocks" + excluded."clocks", "met" = t."met" + excluded."met", "met_late" = t."met_late" + excluded."met_late", "unmet" = t."unmet" + excluded."unmet", "unmet_open" = t."unmet_open" + excluded."unmet_open";
--> statement-breakpoint
insert into audit_elapsed_months as t ("month", "school_level", "key", "elapsed_hours", "n")
select reported_month, school_level, key, elapsed_hours, sum(s)
from (select 1 as s, reported_month, office_id, school_id, school_level, categories, key, met_at, due_at, elapsed_hours, case_closed from audit_deadline_results) r
where elapsed_hours is not null
group by 1, 2, 3, 4
order by 1, 2, 3, 4
on conflict ("month", "school_level", "key", "elapsed_hours") do update set "n" = t."n" + excluded."n";
--> statement-breakpoint
insert into audit_elapsed_years as t ("year", "school_level", "key", "elapsed_hours", "n")
select extract(year from reported_month)::smallint, school_level, key, elapsed_hours, sum(s)
from (select 1 as s, reported_month, office_id, school_id, school_level, categories, key, met_at, due_at, elapsed_hours, case_closed from audit_deadline_results) r
where elapsed_hours is not null
group by 1, 2, 3, 4
order by 1, 2, 3, 4
on conflict ("year", "school_level", "key", "elapsed_hours") do update set "n" = t."n" + excluded."n";
--> statement-breakpoint
insert into audit_elapsed_totals as t ("school_level", "key", "elapsed_hours", "n")
select school_level, key, elapsed_hours, sum(s)
from (select 1 as s, reported_month, office_id, school_id, school_level, categories, key, met_at, due_at, elapsed_hours, case_closed from audit_deadline_results) r
where elapsed_hours is not null
group by 1, 2, 3
order by 1, 2, 3
on conflict ("school_level", "key", "elapsed_hours") do update set "n" = t."n" + excluded."n";
--> statement-breakpoint
insert into audit_elapsed_category_months as t ("category", "month", "school_level", "key", "elapsed_hours", "n")
select category, reported_month, school_level, key, elapsed_hours, sum(s)
from (select 1 as s, reported_month, office_id, school_id, school_level, categories, key, met_at, due_at, elapsed_hours, case_closed from audit_deadline_results) r cross join lateral unnest(r.categories) as c(category)
where elapsed_hours is not null
group by 1, 2, 3, 4, 5
order by 1, 2, 3, 4, 5
on conflict ("category", "month", "school_level", "key", "elapsed_hours") do update set "n" = t."n" + excluded."n";
--> statement-breakpoint
insert into audit_school_months as t ("month", "school_id", "office_id", "school_level", "cases", "clocks", "clocks_met", "clocks_met_late", "clocks_unmet", "clocks_unmet_open")
select reported_month, school_id, min(office_id::text)::uuid, min(school_level), sum(s), sum(s * clocks), sum(s * clocks_met), sum(s * clocks_met_late), sum(s * clocks_unmet), coalesce(sum(s * clocks_unmet) filter (where not case_closed), 0)
from (select 1 as s, reported_month, school_id, office_id, school_level, categories, case_closed, "clocks", "clocks_met", "clocks_met_late", "clocks_unmet", "cat_physical", "cat_verbal", "cat_extortion", "cat_coercion", "cat_exclusion", "cat_cyberbullying", "cat_sexual_violence", "cat_digital_sex_offence", "cat_other", "sexual_cases", "sexual_police_reported", "dso_police_reported", "self_resolved", "closed_not_violence", "committee_requested", "deliberated", "decided", "perpetrators_decided", "committee_not_violence", "pm1", "pm2", "pm3", "pm4", "pm5", "pm6", "pm7", "pm8", "pm9", "victims_with_measures", "vm1", "vm2", "vm3", "vm4", "vm6", "emergency_suspension", "emergency_class_change", "emergency_ratified", "emergency_not_ratified", "appeals_victim", "appeals_perpetrator", "appeals_administrative", "appeals_lawsuit", "stays_granted", "appeals_upheld", "appeals_varied", "appeals_annulled", "appeals_withdrawn", "separation_exempted", "exemption_victim_declined", "exemption_outside_education_activity", "exemption_already_separated", "committee_extended", "committee_ext_member_shortage", "committee_ext_party_request", "committee_ext_supplementary_investigation", "committee_ext_other", "committee_ext_unspecified", "investigation_extended", "gap_days", "gap_cases" from audit_case_facts) r
group by 1, 2
order by 1, 2
on conflict ("month", "school_id") do update set "cases" = t."cases" + excluded."cases", "clocks" = t."clocks" + excluded."clocks", "clocks_met" = t."clocks_met" + excluded."clocks_met", "clocks_met_late" = t."clocks_met_late" + excluded."clocks_met_late", "clocks_unmet" = t."clocks_unmet" + excluded."clocks_unmet", "clocks_unmet_open" = t."clocks_unmet_open" + excluded."clocks_unmet_open";
--> statement-breakpoint
insert into audit_school_years as t ("year", "school_id", "office_id", "school_level", "cases", "clocks", "clocks_met", "clocks_met_late", "clocks_unmet", "clocks_unmet_open")
select extract(year from reported_month)::smallint, school_id, min(office_id::text)::uuid, min(school_level), sum(s), sum(s * clocks), sum(s * clocks_met), sum(s * clocks_met_late), sum(s * clocks_unmet), coalesce(sum(s * clocks_unmet) filter (where not case_closed), 0)
from (select 1 as s, reported_month, school_id, office_id, school_level, categories, case_closed, "clocks", "clocks_met", "clocks_met_late", "clocks_unmet", "cat_physical", "cat_verbal", "cat_extortion", "cat_coercion", "cat_exclusion", "cat_cyberbullying", "cat_sexual_violence", "cat_digital_sex_offence", "cat_other", "sexual_cases", "sexual_police_reported", "dso_police_reported", "self_resolved", "closed_not_violence", "committee_requested", "deliberated", "decided", "perpetrators_decided", "committee_not_violence", "pm1", "pm2", "pm3", "pm4", "pm5", "pm6", "pm7", "pm8", "pm9", "victims_with_measures", "vm1", "vm2", "vm3", "vm4", "vm6", "emergency_suspension", "emergency_class_change", "emergency_ratified", "emergency_not_ratified", "appeals_victim", "appeals_perpetrator", "appeals_administrative", "appeals_lawsuit", "stays_granted", "appeals_upheld", "appeals_varied", "appeals_annulled", "appeals_withdrawn", "separation_exempted", "exemption_victim_declined", "exemption_outside_education_activity", "exemption_already_separated", "committee_extended", "committee_ext_member_shortage", "committee_ext_party_request", "committee_ext_supplementary_investigation", "committee_ext_other", "committee_ext_unspecified", "investigation_extended", "gap_days", "gap_cases" from audit_case_facts) r
group by 1, 2
order by 1, 2
on conflict ("year", "school_id") do update set "cases" = t."cases" + excluded."cases", "clocks" = t."clocks" + excluded."clocks", "clocks_met" = t."clocks_met" + excluded."clocks_met", "clocks_met_late" = t."clocks_met_late" + excluded."clocks_met_late", "clocks_unmet" = t."clocks_unmet" + excluded."clocks_unmet", "clocks_unmet_open" = t."clocks_unmet_open" + excluded."clocks_unmet_open";
--> statement-breakpoint
insert into audit_school_totals as t ("school_id", "office_id", "school_level", "cases", "clocks", "clocks_met", "clocks_met_late", "clocks_unmet", "clocks_unmet_open")
select school_id, min(office_id::text)::uuid, min(school_level), sum(s), sum(s * clocks), sum(s * clocks_met), sum(s * clocks_met_late), sum(s * clocks_unmet), coalesce(sum(s * clocks_unmet) filter (where not case_closed), 0)
from (select 1 as s, reported_month, school_id, office_id, school_level, categories, case_closed, "clocks", "clocks_met", "clocks_met_late", "clocks_unmet", "cat_physical", "cat_verbal", "cat_extortion", "cat_coercion", "cat_exclusion", "cat_cyberbullying", "cat_sexual_violence", "cat_digital_sex_offence", "cat_other", "sexual_cases", "sexual_police_reported", "dso_police_reported", "self_resolved", "closed_not_violence", "committee_requested", "deliberated", "decided", "perpetrators_decided", "committee_not_violence", "pm1", "pm2", "pm3", "pm4", "pm5", "pm6", "pm7", "pm8", "pm9", "victims_with_measures", "vm1", "vm2", "vm3", "vm4", "vm6", "emergency_suspension", "emergency_class_change", "emergency_ratified", "emergency_not_ratified", "appeals_victim", "appeals_perpetrator", "appeals_administrative", "appeals_lawsuit", "stays_granted", "appeals_upheld", "appeals_varied", "appeals_annulled", "appeals_withdrawn", "separation_exempted", "exemption_victim_declined", "exemption_outside_education_activity", "exemption_already_separated", "committee_extended", "committee_ext_member_shortage", "committee_ext_party_request", "committee_ext_supplementary_investigation", "committee_ext_other", "committee_ext_unspecified", "investigation_extended", "gap_days", "gap_cases" from audit_case_facts) r
group by 1
order by 1
on conflict ("school_id") do update set "cases" = t."cases" + excluded."cases", "clocks" = t."clocks" + excluded."clocks", "clocks_met" = t."clocks_met" + excluded."clocks_met", "clocks_met_late" = t."clocks_met_late" + excluded."clocks_met_late", "clocks_unmet" = t."clocks_unmet" + excluded."clocks_unmet", "clocks_unmet_open" = t."clocks_unmet_open" + excluded."clocks_unmet_open";
--> statement-breakpoint
insert into audit_school_category_months as t ("category", "month", "school_id", "office_id", "school_level", "cases", "clocks", "clocks_met", "clocks_met_late", "clocks_unmet", "clocks_unmet_open")
select category, reported_month, school_id, min(office_id::text)::uuid, min(school_level), sum(s), sum(s * clocks), sum(s * clocks_met), sum(s * clocks_met_late), sum(s * clocks_unmet), coalesce(sum(s * clocks_unmet) filter (where not case_closed), 0)
from (select 1 as s, reported_month, school_id, office_id, school_level, categories, case_closed, "clocks", "clocks_met", "clocks_met_late", "clocks_unmet", "cat_physical", "cat_verbal", "cat_extortion", "cat_coercion", "cat_exclusion", "cat_cyberbullying", "cat_sexual_violence", "cat_digital_sex_offence", "cat_other", "sexual_cases", "sexual_police_reported", "dso_police_reported", "self_resolved", "closed_not_violence", "committee_requested", "deliberated", "decided", "perpetrators_decided", "committee_not_violence", "pm1", "pm2", "pm3", "pm4", "pm5", "pm6", "pm7", "pm8", "pm9", "victims_with_measures", "vm1", "vm2", "vm3", "vm4", "vm6", "emergency_suspension", "emergency_class_change", "emergency_ratified", "emergency_not_ratified", "appeals_victim", "appeals_perpetrator", "appeals_administrative", "appeals_lawsuit", "stays_granted", "appeals_upheld", "appeals_varied", "appeals_annulled", "appeals_withdrawn", "separation_exempted", "exemption_victim_declined", "exemption_outside_education_activity", "exemption_already_separated", "committee_extended", "committee_ext_member_shortage", "committee_ext_party_request", "committee_ext_supplementary_investigation", "committee_ext_other", "committee_ext_unspecified", "investigation_extended", "gap_days", "gap_cases" from audit_case_facts) r cross join lateral unnest(r.categories) as c(category)
group by 1, 2, 3
order by 1, 2, 3
on conflict ("category", "month", "school_id") do update set "cases" = t."cases" + excluded."cases", "clocks" = t."clocks" + excluded."clocks", "clocks_met" = t."clocks_met" + excluded."clocks_met", "clocks_met_late" = t."clocks_met_late" + excluded."clocks_met_late", "clocks_unmet" = t."clocks_unmet" + excluded."clocks_unmet", "clocks_unmet_open" = t."clocks_unmet_open" + excluded."clocks_unmet_open";
--> statement-breakpoint
insert into audit_office_months as t ("month", "office_id", "school_level", "cases", "clocks", "clocks_met", "clocks_met_late", "clocks_unmet", "cat_physical", "cat_verbal", "cat_extortion", "cat_coercion", "cat_exclusion", "cat_cyberbullying", "cat_sexual_violence", "cat_digital_sex_offence", "cat_other", "sexual_cases", "sexual_police_reported", "dso_police_reported", "self_resolved", "closed_not_violence", "committee_requested", "deliberated", "decided", "perpetrators_decided", "committee_not_violence", "pm1", "pm2", "pm3", "pm4", "pm5", "pm6", "pm7", "pm8", "pm9", "victims_with_measures", "vm1", "vm2", "vm3", "vm4", "vm6", "emergency_suspension", "emergency_class_change", "emergency_ratified", "emergency_not_ratified", "appeals_victim", "appeals_perpetrator", "appeals_administrative", "appeals_lawsuit", "stays_granted", "appeals_upheld", "appeals_varied", "appeals_annulled", "appeals_withdrawn", "separation_exempted", "exemption_victim_declined", "exemption_outside_education_activity", "exemption_already_separated", "committee_extended", "committee_ext_member_shortage", "committee_ext_party_request", "committee_ext_supplementary_investigation", "committee_ext_other", "committee_ext_unspecified", "investigation_extended", "gap_days", "gap_cases")
select reported_month, office_id, school_level, sum(s), sum(s * "clocks"), sum(s * "clocks_met"), sum(s * "clocks_met_late"), sum(s * "clocks_unmet"), sum(s * "cat_physical"), sum(s * "cat_verbal"), sum(s * "cat_extortion"), sum(s * "cat_coercion"), sum(s * "cat_exclusion"), sum(s * "cat_cyberbullying"), sum(s * "cat_sexual_violence"), sum(s * "cat_digital_sex_offence"), sum(s * "cat_other"), sum(s * "sexual_cases"), sum(s * "sexual_police_reported"), sum(s * "dso_police_reported"), sum(s * "self_resolved"), sum(s * "closed_not_violence"), sum(s * "committee_requested"), sum(s * "deliberated"), sum(s * "decided"), sum(s * "perpetrators_decided"), sum(s * "committee_not_violence"), sum(s * "pm1"), sum(s * "pm2"), sum(s * "pm3"), sum(s * "pm4"), sum(s * "pm5"), sum(s * "pm6"), sum(s * "pm7"), sum(s * "pm8"), sum(s * "pm9"), sum(s * "victims_with_measures"), sum(s * "vm1"), sum(s * "vm2"), sum(s * "vm3"), sum(s * "vm4"), sum(s * "vm6"), sum(s * "emergency_suspension"), sum(s * "emergency_class_change"), sum(s * "emergency_ratified"), sum(s * "emergency_not_ratified"), sum(s * "appeals_victim"), sum(s * "appeals_perpetrator"), sum(s * "appeals_administrative"), sum(s * "appeals_lawsuit"), sum(s * "stays_granted"), sum(s * "appeals_upheld"), sum(s * "appeals_varied"), sum(s * "appeals_annulled"), sum(s * "appeals_withdrawn"), sum(s * "separation_exempted"), sum(s * "exemption_victim_declined"), sum(s * "exemption_outside_education_activity"), sum(s * "exemption_already_separated"), sum(s * "committee_extended"), sum(s * "committee_ext_member_shortage"), sum(s * "committee_ext_party_request"), sum(s * "committee_ext_supplementary_investigation"), sum(s * "committee_ext_other"), sum(s * "committee_ext_unspecified"), sum(s * "investigation_extended"), sum(s * "gap_days"), sum(s * "gap_cases")
from (select 1 as s, reported_month, school_id, office_id, school_level, categories, case_closed, "clocks", "clocks_met", "clocks_met_late", "clocks_unmet", "cat_physical", "cat_verbal", "cat_extortion", "cat_coercion", "cat_exclusion", "cat_cyberbullying", "cat_sexual_violence", "cat_digital_sex_offence", "cat_other", "sexual_cases", "sexual_police_reported", "dso_police_reported", "self_resolved", "closed_not_violence", "committee_requested", "deliberated", "decided", "perpetrators_decided", "committee_not_violence", "pm1", "pm2", "pm3", "pm4", "pm5", "pm6", "pm7", "pm8", "pm9", "victims_with_measures", "vm1", "vm2", "vm3", "vm4", "vm6", "emergency_suspension", "emergency_class_change", "emergency_ratified", "emergency_not_ratified", "appeals_victim", "appeals_perpetrator", "appeals_administrative", "appeals_lawsuit", "stays_granted", "appeals_upheld", "appeals_varied", "appeals_annulled", "appeals_withdrawn", "separation_exempted", "exemption_victim_declined", "exemption_outside_education_activity", "exemption_already_separated", "committee_extended", "committee_ext_member_shortage", "committee_ext_party_request", "committee_ext_supplementary_investigation", "committee_ext_other", "committee_ext_unspecified", "investigation_extended", "gap_days", "gap_cases" from audit_case_facts) r
group by 1, 2, 3
order by 1, 2, 3
on conflict ("month", "office_id", "school_level") do update set "cases" = t."cases" + excluded."cases", "clocks" = t."clocks" + excluded."clocks", "clocks_met" = t."clocks_met" + excluded."clocks_met", "clocks_met_late" = t."clocks_met_late" + excluded."clocks_met_late", "clocks_unmet" = t."clocks_unmet" + excluded."clocks_unmet", "cat_physical" = t."cat_physical" + excluded."cat_physical", "cat_verbal" = t."cat_verbal" + excluded."cat_verbal", "cat_extortion" = t."cat_extortion" + excluded."cat_extortion", "cat_coercion" = t."cat_coercion" + excluded."cat_coercion", "cat_exclusion" = t."cat_exclusion" + excluded."cat_exclusion", "cat_cyberbullying" = t."cat_cyberbullying" + excluded."cat_cyberbullying", "cat_sexual_violence" = t."cat_sexual_violence" + excluded."cat_sexual_violence", "cat_digital_sex_offence" = t."cat_digital_sex_offence" + excluded."cat_digital_sex_offence", "cat_other" = t."cat_other" + excluded."cat_other", "sexual_cases" = t."sexual_cases" + excluded."sexual_cases", "sexual_police_reported" = t."sexual_police_reported" + excluded."sexual_police_reported", "dso_police_reported" = t."dso_police_reported" + excluded."dso_police_reported", "self_resolved" = t."self_resolved" + excluded."self_resolved", "closed_not_violence" = t."closed_not_violence" + excluded."closed_not_violence", "committee_requested" = t."committee_requested" + excluded."committee_requested", "deliberated" = t."deliberated" + excluded."deliberated", "decided" = t."decided" + excluded."decided", "perpetrators_decided" = t."perpetrators_decided" + excluded."perpetrators_decided", "committee_not_violence" = t."committee_not_violence" + excluded."committee_not_violence", "pm1" = t."pm1" + excluded."pm1", "pm2" = t."pm2" + excluded."pm2", "pm3" = t."pm3" + excluded."pm3", "pm4" = t."pm4" + excluded."pm4", "pm5" = t."pm5" + excluded."pm5", "pm6" = t."pm6" + excluded."pm6", "pm7" = t."pm7" + excluded."pm7", "pm8" = t."pm8" + excluded."pm8", "pm9" = t."pm9" + excluded."pm9", "victims_with_measures" = t."victims_with_measures" + excluded."victims_with_measures", "vm1" = t."vm1" + excluded."vm1", "vm2" = t."vm2" + excluded."vm2", "vm3" = t."vm3" + excluded."vm3", "vm4" = t."vm4" + excluded."vm4", "vm6" = t."vm6" + excluded."vm6", "emergency_suspension" = t."emergency_suspension" + excluded."emergency_suspension", "emergency_class_change" = t."emergency_class_change" + excluded."emergency_class_change", "emergency_ratified" = t."emergency_ratified" + excluded."emergency_ratified", "emergency_not_ratified" = t."emergency_not_ratified" + excluded."emergency_not_ratified", "appeals_victim" = t."appeals_victim" + excluded."appeals_victim", "appeals_perpetrator" = t."appeals_perpetrator" + excluded."appeals_perpetrator", "appeals_administrative" = t."appeals_administrative" + excluded."appeals_administrative", "appeals_lawsuit" = t."appeals_lawsuit" + excluded."appeals_lawsuit", "stays_granted" = t."stays_granted" + excluded."stays_granted", "appeals_upheld" = t."appeals_upheld" + excluded."appeals_upheld", "appeals_varied" = t."appeals_varied" + excluded."appeals_varied", "appeals_annulled" = t."appeals_annulled" + excluded."appeals_annulled", "appeals_withdrawn" = t."appeals_withdrawn" + excluded."appeals_withdrawn", "separation_exempted" = t."separation_exempted" + excluded."separation_exempted", "exemption_victim_declined" = t."exemption_victim_declined" + excluded."exemption_victim_declined", "exemption_outside_education_activity" = t."exemption_outside_education_activity" + excluded."exemption_outside_education_activity", "exemption_already_separated" = t."exemption_already_separated" + excluded."exemption_already_separated", "committee_extended" = t."committee_extended" + excluded."committee_extended", "committee_ext_member_shortage" = t."committee_ext_member_shortage" + excluded."committee_ext_member_shortage", "committee_ext_party_request" = t."committee_ext_party_request" + excluded."committee_ext_party_request", "committee_ext_supplementary_investigation" = t."committee_ext_supplementary_investigation" + excluded."committee_ext_supplementary_investigation", "committee_ext_other" = t."committee_ext_other" + excluded."committee_ext_other", "committee_ext_unspecified" = t."committee_ext_unspecified" + excluded."committee_ext_unspecified", "investigation_extended" = t."investigation_extended" + excluded."investigation_extended", "gap_days" = t."gap_days" + excluded."gap_days", "gap_cases" = t."gap_cases" + excluded."gap_cases";
--> statement-breakpoint
insert into audit_office_years as t ("year", "office_id", "school_level", "cases", "clocks", "clocks_met", "clocks_met_late", "clocks_unmet", "cat_physical", "cat_verbal", "cat_extortion", "cat_coercion", "cat_exclusion", "cat_cyberbullying", "cat_sexual_violence", "cat_digital_sex_offence", "cat_other", "sexual_cases", "sexual_police_reported", "dso_police_reported", "self_resolved", "closed_not_violence", "committee_requested", "deliberated", "decided", "perpetrators_decided", "committee_not_violence", "pm1", "pm2", "pm3", "pm4", "pm5", "pm6", "pm7", "pm8", "pm9", "victims_with_measures", "vm1", "vm2", "vm3", "vm4", "vm6", "emergency_suspension", "emergency_class_change", "emergency_ratified", "emergency_not_ratified", "appeals_victim", "appeals_perpetrator", "appeals_administrative", "appeals_lawsuit", "stays_granted", "appeals_upheld", "appeals_varied", "appeals_annulled", "appeals_withdrawn", "separation_exempted", "exemption_victim_declined", "exemption_outside_education_activity", "exemption_already_separated", "committee_extended", "committee_ext_member_shortage", "committee_ext_party_request", "committee_ext_supplementary_investigation", "committee_ext_other", "committee_ext_unspecified", "investigation_extended", "gap_days", "gap_cases")
select extract(year from reported_month)::smallint, office_id, school_level, sum(s), sum(s * "clocks"), sum(s * "clocks_met"), sum(s * "clocks_met_late"), sum(s * "clocks_unmet"), sum(s * "cat_physical"), sum(s * "cat_verbal"), sum(s * "cat_extortion"), sum(s * "cat_coercion"), sum(s * "cat_exclusion"), sum(s * "cat_cyberbullying"), sum(s * "cat_sexual_violence"), sum(s * "cat_digital_sex_offence"), sum(s * "cat_other"), sum(s * "sexual_cases"), sum(s * "sexual_police_reported"), sum(s * "dso_police_reported"), sum(s * "self_resolved"), sum(s * "closed_not_violence"), sum(s * "committee_requested"), sum(s * "deliberated"), sum(s * "decided"), sum(s * "perpetrators_decided"), sum(s * "committee_not_violence"), sum(s * "pm1"), sum(s * "pm2"), sum(s * "pm3"), sum(s * "pm4"), sum(s * "pm5"), sum(s * "pm6"), sum(s * "pm7"), sum(s * "pm8"), sum(s * "pm9"), sum(s * "victims_with_measures"), sum(s * "vm1"), sum(s * "vm2"), sum(s * "vm3"), sum(s * "vm4"), sum(s * "vm6"), sum(s * "emergency_suspension"), sum(s * "emergency_class_change"), sum(s * "emergency_ratified"), sum(s * "emergency_not_ratified"), sum(s * "appeals_victim"), sum(s * "appeals_perpetrator"), sum(s * "appeals_administrative"), sum(s * "appeals_lawsuit"), sum(s * "stays_granted"), sum(s * "appeals_upheld"), sum(s * "appeals_varied"), sum(s * "appeals_annulled"), sum(s * "appeals_withdrawn"), sum(s * "separation_exempted"), sum(s * "exemption_victim_declined"), sum(s * "exemption_outside_education_activity"), sum(s * "exemption_already_separated"), sum(s * "committee_extended"), sum(s * "committee_ext_member_shortage"), sum(s * "committee_ext_party_request"), sum(s * "committee_ext_supplementary_investigation"), sum(s * "committee_ext_other"), sum(s * "committee_ext_unspecified"), sum(s * "investigation_extended"), sum(s * "gap_days"), sum(s * "gap_cases")
from (select 1 as s, reported_month, school_id, office_id, school_level, categories, case_closed, "clocks", "clocks_met", "clocks_met_late", "clocks_unmet", "cat_physical", "cat_verbal", "cat_extortion", "cat_coercion", "cat_exclusion", "cat_cyberbullying", "cat_sexual_violence", "cat_digital_sex_offence", "cat_other", "sexual_cases", "sexual_police_reported", "dso_police_reported", "self_resolved", "closed_not_violence", "committee_requested", "deliberated", "decided", "perpetrators_decided", "committee_not_violence", "pm1", "pm2", "pm3", "pm4", "pm5", "pm6", "pm7", "pm8", "pm9", "victims_with_measures", "vm1", "vm2", "vm3", "vm4", "vm6", "emergency_suspension", "emergency_class_change", "emergency_ratified", "emergency_not_ratified", "appeals_victim", "appeals_perpetrator", "appeals_administrative", "appeals_lawsuit", "stays_granted", "appeals_upheld", "appeals_varied", "appeals_annulled", "appeals_withdrawn", "separation_exempted", "exemption_victim_declined", "exemption_outside_education_activity", "exemption_already_separated", "committee_extended", "committee_ext_member_shortage", "committee_ext_party_request", "committee_ext_supplementary_investigation", "committee_ext_other", "committee_ext_unspecified", "investigation_extended", "gap_days", "gap_cases" from audit_case_facts) r
group by 1, 2, 3
order by 1, 2, 3
on conflict ("year", "office_id", "school_level") do update set "cases" = t."cases" + excluded."cases", "clocks" = t."clocks" + excluded."clocks", "clocks_met" = t."clocks_met" + excluded."clocks_met", "clocks_met_late" = t."clocks_met_late" + excluded."clocks_met_late", "clocks_unmet" = t."clocks_unmet" + excluded."clocks_unmet", "cat_physical" = t."cat_physical" + excluded."cat_physical", "cat_verbal" = t."cat_verbal" + excluded."cat_verbal", "cat_extortion" = t."cat_extortion" + excluded."cat_extortion", "cat_coercion" = t."cat_coercion" + excluded."cat_coercion", "cat_exclusion" = t."cat_exclusion" + excluded."cat_exclusion", "cat_cyberbullying" = t."cat_cyberbullying" + excluded."cat_cyberbullying", "cat_sexual_violence" = t."cat_sexual_violence" + excluded."cat_sexual_violence", "cat_digital_sex_offence" = t."cat_digital_sex_offence" + excluded."cat_digital_sex_offence", "cat_other" = t."cat_other" + excluded."cat_other", "sexual_cases" = t."sexual_cases" + excluded."sexual_cases", "sexual_police_reported" = t."sexual_police_reported" + excluded."sexual_police_reported", "dso_police_reported" = t."dso_police_reported" + excluded."dso_police_reported", "self_resolved" = t."self_resolved" + excluded."self_resolved", "closed_not_violence" = t."closed_not_violence" + excluded."closed_not_violence", "committee_requested" = t."committee_requested" + excluded."committee_requested", "deliberated" = t."deliberated" + excluded."deliberated", "decided" = t."decided" + excluded."decided", "perpetrators_decided" = t."perpetrators_decided" + excluded."perpetrators_decided", "committee_not_violence" = t."committee_not_violence" + excluded."committee_not_violence", "pm1" = t."pm1" + excluded."pm1", "pm2" = t."pm2" + excluded."pm2", "pm3" = t."pm3" + excluded."pm3", "pm4" = t."pm4" + excluded."pm4", "pm5" = t."pm5" + excluded."pm5", "pm6" = t."pm6" + excluded."pm6", "pm7" = t."pm7" + excluded."pm7", "pm8" = t."pm8" + excluded."pm8", "pm9" = t."pm9" + excluded."pm9", "victims_with_measures" = t."victims_with_measures" + excluded."victims_with_measures", "vm1" = t."vm1" + excluded."vm1", "vm2" = t."vm2" + excluded."vm2", "vm3" = t."vm3" + excluded."vm3", "vm4" = t."vm4" + excluded."vm4", "vm6" = t."vm6" + excluded."vm6", "emergency_suspension" = t."emergency_suspension" + excluded."emergency_suspension", "emergency_class_change" = t."emergency_class_change" + excluded."emergency_class_change", "emergency_ratified" = t."emergency_ratified" + excluded."emergency_ratified", "emergency_not_ratified" = t."emergency_not_ratified" + excluded."emergency_not_ratified", "appeals_victim" = t."appeals_victim" + excluded."appeals_victim", "appeals_perpetrator" = t."appeals_perpetrator" + excluded."appeals_perpetrator", "appeals_administrative" = t."appeals_administrative" + excluded."appeals_administrative", "appeals_lawsuit" = t."appeals_lawsuit" + excluded."appeals_lawsuit", "stays_granted" = t."stays_granted" + excluded."stays_granted", "appeals_upheld" = t."appeals_upheld" + excluded."appeals_upheld", "appeals_varied" = t."appeals_varied" + excluded."appeals_varied", "appeals_annulled" = t."appeals_annulled" + excluded."appeals_annulled", "appeals_withdrawn" = t."appeals_withdrawn" + excluded."appeals_withdrawn", "separation_exempted" = t."separation_exempted" + excluded."separation_exempted", "exemption_victim_declined" = t."exemption_victim_declined" + excluded."exemption_victim_declined", "exemption_outside_education_activity" = t."exemption_outside_education_activity" + excluded."exemption_outside_education_activity", "exemption_already_separated" = t."exemption_already_separated" + excluded."exemption_already_separated", "committee_extended" = t."committee_extended" + excluded."committee_extended", "committee_ext_member_shortage" = t."committee_ext_member_shortage" + excluded."committee_ext_member_shortage", "committee_ext_party_request" = t."committee_ext_party_request" + excluded."committee_ext_party_request", "committee_ext_supplementary_investigation" = t."committee_ext_supplementary_investigation" + excluded."committee_ext_supplementary_investigation", "committee_ext_other" = t."committee_ext_other" + excluded."committee_ext_other", "committee_ext_unspecified" = t."committee_ext_unspecified" + excluded."committee_ext_unspecified", "investigation_extended" = t."investigation_extended" + excluded."investigation_extended", "gap_days" = t."gap_days" + excluded."gap_days", "gap_cases" = t."gap_cases" + excluded."gap_cases";
--> statement-breakpoint
insert into audit_office_totals as t ("office_id", "school_level", "cases", "clocks", "clocks_met", "clocks_met_late", "clocks_unmet", "cat_physical", "cat_verbal", "cat_extortion", "cat_coercion", "cat_exclusion", "cat_cyberbullying", "cat_sexual_violence", "cat_digital_sex_offence", "cat_other", "sexual_cases", "sexual_police_reported", "dso_police_reported", "self_resolved", "closed_not_violence", "committee_requested", "deliberated", "decided", "perpetrators_decided", "committee_not_violence", "pm1", "pm2", "pm3", "pm4", "pm5", "pm6", "pm7", "pm8", "pm9", "victims_with_measures", "vm1", "vm2", "vm3", "vm4", "vm6", "emergency_suspension", "emergency_class_change", "emergency_ratified", "emergency_not_ratified", "appeals_victim", "appeals_perpetrator", "appeals_administrative", "appeals_lawsuit", "stays_granted", "appeals_upheld", "appeals_varied", "appeals_annulled", "appeals_withdrawn", "separation_exempted", "exemption_victim_declined", "exemption_outside_education_activity", "exemption_already_separated", "committee_extended", "committee_ext_member_shortage", "committee_ext_party_request", "committee_ext_supplementary_investigation", "committee_ext_other", "committee_ext_unspecified", "investigation_extended", "gap_days", "gap_cases")
select office_id, school_level, sum(s), sum(s * "clocks"), sum(s * "clocks_met"), sum(s * "clocks_met_late"), sum(s * "clocks_unmet"), sum(s * "cat_physical"), sum(s * "cat_verbal"), sum(s * "cat_extortion"), sum(s * "cat_coercion"), sum(s * "cat_exclusion"), sum(s * "cat_cyberbullying"), sum(s * "cat_sexual_violence"), sum(s * "cat_digital_sex_offence"), sum(s * "cat_other"), sum(s * "sexual_cases"), sum(s * "sexual_police_reported"), sum(s * "dso_police_reported"), sum(s * "self_resolved"), sum(s * "closed_not_violence"), sum(s * "committee_requested"), sum(s * "deliberated"), sum(s * "decided"), sum(s * "perpetrators_decided"), sum(s * "committee_not_violence"), sum(s * "pm1"), sum(s * "pm2"), sum(s * "pm3"), sum(s * "pm4"), sum(s * "pm5"), sum(s * "pm6"), sum(s * "pm7"), sum(s * "pm8"), sum(s * "pm9"), sum(s * "victims_with_measures"), sum(s * "vm1"), sum(s * "vm2"), sum(s * "vm3"), sum(s * "vm4"), sum(s * "vm6"), sum(s * "emergency_suspension"), sum(s * "emergency_class_change"), sum(s * "emergency_ratified"), sum(s * "emergency_not_ratified"), sum(s * "appeals_victim"), sum(s * "appeals_perpetrator"), sum(s * "appeals_administrative"), sum(s * "appeals_lawsuit"), sum(s * "stays_granted"), sum(s * "appeals_upheld"), sum(s * "appeals_varied"), sum(s * "appeals_annulled"), sum(s * "appeals_withdrawn"), sum(s * "separation_exempted"), sum(s * "exemption_victim_declined"), sum(s * "exemption_outside_education_activity"), sum(s * "exemption_already_separated"), sum(s * "committee_extended"), sum(s * "committee_ext_member_shortage"), sum(s * "committee_ext_party_request"), sum(s * "committee_ext_supplementary_investigation"), sum(s * "committee_ext_other"), sum(s * "committee_ext_unspecified"), sum(s * "investigation_extended"), sum(s * "gap_days"), sum(s * "gap_cases")
from (select 1 as s, reported_month, school_id, office_id, school_level, categories, case_closed, "clocks", "clocks_met", "clocks_met_late", "clocks_unmet", "cat_physical", "cat_verbal", "cat_extortion", "cat_coercion", "cat_exclusion", "cat_cyberbullying", "cat_sexual_violence", "cat_digital_sex_offence", "cat_other", "sexual_cases", "sexual_police_reported", "dso_police_reported", "self_resolved", "closed_not_violence", "committee_requested", "deliberated", "decided", "perpetrators_decided", "committee_not_violence", "pm1", "pm2", "pm3", "pm4", "pm5", "pm6", "pm7", "pm8", "pm9", "victims_with_measures", "vm1", "vm2", "vm3", "vm4", "vm6", "emergency_suspension", "emergency_class_change", "emergency_ratified", "emergency_not_ratified", "appeals_victim", "appeals_perpetrator", "appeals_administrative", "appeals_lawsuit", "stays_granted", "appeals_upheld", "appeals_varied", "appeals_annulled", "appeals_withdrawn", "separation_exempted", "exemption_victim_declined", "exemption_outside_education_activity", "exemption_already_separated", "committee_extended", "committee_ext_member_shortage", "committee_ext_party_request", "committee_ext_supplementary_investigation", "committee_ext_other", "committee_ext_unspecified", "investigation_extended", "gap_days", "gap_cases" from audit_case_facts) r
group by 1, 2
order by 1, 2
on conflict ("office_id", "school_level") do update set "cases" = t."cases" + excluded."cases", "clocks" = t."clocks" + excluded."clocks", "clocks_met" = t."clocks_met" + excluded."clocks_met", "clocks_met_late" = t."clocks_met_late" + excluded."clocks_met_late", "clocks_unmet" = t."clocks_unmet" + excluded."clocks_unmet", "cat_physical" = t."cat_physical" + excluded."cat_physical", "cat_verbal" = t."cat_verbal" + excluded."cat_verbal", "cat_extortion" = t."cat_extortion" + excluded."cat_extortion", "cat_coercion" = t."cat_coercion" + excluded."cat_coercion", "cat_exclusion" = t."cat_exclusion" + excluded."cat_exclusion", "cat_cyberbullying" = t."cat_cyberbullying" + excluded."cat_cyberbullying", "cat_sexual_violence" = t."cat_sexual_violence" + excluded."cat_sexual_violence", "cat_digital_sex_offence" = t."cat_digital_sex_offence" + excluded."cat_digital_sex_offence", "cat_other" = t."cat_other" + excluded."cat_other", "sexual_cases" = t."sexual_cases" + excluded."sexual_cases", "sexual_police_reported" = t."sexual_police_reported" + excluded."sexual_police_reported", "dso_police_reported" = t."dso_police_reported" + excluded."dso_police_reported", "self_resolved" = t."self_resolved" + excluded."self_resolved", "closed_not_violence" = t."closed_not_violence" + excluded."closed_not_violence", "committee_requested" = t."committee_requested" + excluded."committee_requested", "deliberated" = t."deliberated" + excluded."deliberated", "decided" = t."decided" + excluded."decided", "perpetrators_decided" = t."perpetrators_decided" + excluded."perpetrators_decided", "committee_not_violence" = t."committee_not_violence" + excluded."committee_not_violence", "pm1" = t."pm1" + excluded."pm1", "pm2" = t."pm2" + excluded."pm2", "pm3" = t."pm3" + excluded."pm3", "pm4" = t."pm4" + excluded."pm4", "pm5" = t."pm5" + excluded."pm5", "pm6" = t."pm6" + excluded."pm6", "pm7" = t."pm7" + excluded."pm7", "pm8" = t."pm8" + excluded."pm8", "pm9" = t."pm9" + excluded."pm9", "victims_with_measures" = t."victims_with_measures" + excluded."victims_with_measures", "vm1" = t."vm1" + excluded."vm1", "vm2" = t."vm2" + excluded."vm2", "vm3" = t."vm3" + excluded."vm3", "vm4" = t."vm4" + excluded."vm4", "vm6" = t."vm6" + excluded."vm6", "emergency_suspension" = t."emergency_suspension" + excluded."emergency_suspension", "emergency_class_change" = t."emergency_class_change" + excluded."emergency_class_change", "emergency_ratified" = t."emergency_ratified" + excluded."emergency_ratified", "emergency_not_ratified" = t."emergency_not_ratified" + excluded."emergency_not_ratified", "appeals_victim" = t."appeals_victim" + excluded."appeals_victim", "appeals_perpetrator" = t."appeals_perpetrator" + excluded."appeals_perpetrator", "appeals_administrative" = t."appeals_administrative" + excluded."appeals_administrative", "appeals_lawsuit" = t."appeals_lawsuit" + excluded."appeals_lawsuit", "stays_granted" = t."stays_granted" + excluded."stays_granted", "appeals_upheld" = t."appeals_upheld" + excluded."appeals_upheld", "appeals_varied" = t."appeals_varied" + excluded."appeals_varied", "appeals_annulled" = t."appeals_annulled" + excluded."appeals_annulled", "appeals_withdrawn" = t."appeals_withdrawn" + excluded."appeals_withdrawn", "separation_exempted" = t."separation_exempted" + excluded."separation_exempted", "exemption_victim_declined" = t."exemption_victim_declined" + excluded."exemption_victim_declined", "exemption_outside_education_activity" = t."exemption_outside_education_activity" + excluded."exemption_outside_education_activity", "exemption_already_separated" = t."exemption_already_separated" + excluded."exemption_already_separated", "committee_extended" = t."committee_extended" + excluded."committee_extended", "committee_ext_member_shortage" = t."committee_ext_member_shortage" + excluded."committee_ext_member_shortage", "committee_ext_party_request" = t."committee_ext_party_request" + excluded."committee_ext_party_request", "committee_ext_supplementary_investigation" = t."committee_ext_supplementary_investigation" + excluded."committee_ext_supplementary_investigation", "committee_ext_other" = t."committee_ext_other" + excluded."committee_ext_other", "committee_ext_unspecified" = t."committee_ext_unspecified" + excluded."committee_ext_unspecified", "investigation_extended" = t."investigation_extended" + excluded."investigation_extended", "gap_days" = t."gap_days" + excluded."gap_days", "gap_cases" = t."gap_cases" + excluded."gap_cases";
--> statement-breakpoint
insert into audit_office_category_months as t ("category", "month", "office_id", "school_level", "cases", "clocks", "clocks_met", "clocks_met_late", "clocks_unmet", "cat_physical", "cat_verbal", "cat_extortion", "cat_coercion", "cat_exclusion", "cat_cyberbullying", "cat_sexual_violence", "cat_digital_sex_offence", "cat_other", "sexual_cases", "sexual_police_reported", "dso_police_reported", "self_resolved", "closed_not_violence", "committee_requested", "deliberated", "decided", "perpetrators_decided", "committee_not_violence", "pm1", "pm2", "pm3", "pm4", "pm5", "pm6", "pm7", "pm8", "pm9", "victims_with_measures", "vm1", "vm2", "vm3", "vm4", "vm6", "emergency_suspension", "emergency_class_change", "emergency_ratified", "emergency_not_ratified", "appeals_victim", "appeals_perpetrator", "appeals_administrative", "appeals_lawsuit", "stays_granted", "appeals_upheld", "appeals_varied", "appeals_annulled", "appeals_withdrawn", "separation_exempted", "exemption_victim_declined", "exemption_outside_education_activity", "exemption_already_separated", "committee_extended", "committee_ext_member_shortage", "committee_ext_party_request", "committee_ext_supplementary_investigation", "committee_ext_other", "committee_ext_unspecified", "investigation_extended", "gap_days", "gap_cases")
select category, reported_month, office_id, school_level, sum(s), sum(s * "clocks"), sum(s * "clocks_met"), sum(s * "clocks_met_late"), sum(s * "clocks_unmet"), sum(s * "cat_physical"), sum(s * "cat_verbal"), sum(s * "cat_extortion"), sum(s * "cat_coercion"), sum(s * "cat_exclusion"), sum(s * "cat_cyberbullying"), sum(s * "cat_sexual_violence"), sum(s * "cat_digital_sex_offence"), sum(s * "cat_other"), sum(s * "sexual_cases"), sum(s * "sexual_police_reported"), sum(s * "dso_police_reported"), sum(s * "self_resolved"), sum(s * "closed_not_violence"), sum(s * "committee_requested"), sum(s * "deliberated"), sum(s * "decided"), sum(s * "perpetrators_decided"), sum(s * "committee_not_violence"), sum(s * "pm1"), sum(s * "pm2"), sum(s * "pm3"), sum(s * "pm4"), sum(s * "pm5"), sum(s * "pm6"), sum(s * "pm7"), sum(s * "pm8"), sum(s * "pm9"), sum(s * "victims_with_measures"), sum(s * "vm1"), sum(s * "vm2"), sum(s * "vm3"), sum(s * "vm4"), sum(s * "vm6"), sum(s * "emergency_suspension"), sum(s * "emergency_class_change"), sum(s * "emergency_ratified"), sum(s * "emergency_not_ratified"), sum(s * "appeals_victim"), sum(s * "appeals_perpetrator"), sum(s * "appeals_administrative"), sum(s * "appeals_lawsuit"), sum(s * "stays_granted"), sum(s * "appeals_upheld"), sum(s * "appeals_varied"), sum(s * "appeals_annulled"), sum(s * "appeals_withdrawn"), sum(s * "separation_exempted"), sum(s * "exemption_victim_declined"), sum(s * "exemption_outside_education_activity"), sum(s * "exemption_already_separated"), sum(s * "committee_extended"), sum(s * "committee_ext_member_shortage"), sum(s * "committee_ext_party_request"), sum(s * "committee_ext_supplementary_investigation"), sum(s * "committee_ext_other"), sum(s * "committee_ext_unspecified"), sum(s * "investigation_extended"), sum(s * "gap_days"), sum(s * "gap_cases")
from (select 1 as s, reported_month, school_id, office_id, school_level, categories, case_closed, "clocks", "clocks_met", "clocks_met_late", "clocks_unmet", "cat_physical", "cat_verbal", "cat_extortion", "cat_coercion", "cat_exclusion", "cat_cyberbullying", "cat_sexual_violence", "cat_digital_sex_offence", "cat_other", "sexual_cases", "sexual_police_reported", "dso_police_reported", "self_resolved", "closed_not_violence", "committee_requested", "deliberated", "decided", "perpetrators_decided", "committee_not_violence", "pm1", "pm2", "pm3", "pm4", "pm5", "pm6", "pm7", "pm8", "pm9", "victims_with_measures", "vm1", "vm2", "vm3", "vm4", "vm6", "emergency_suspension", "emergency_class_change", "emergency_ratified", "emergency_not_ratified", "appeals_victim", "appeals_perpetrator", "appeals_administrative", "appeals_lawsuit", "stays_granted", "appeals_upheld", "appeals_varied", "appeals_annulled", "appeals_withdrawn", "separation_exempted", "exemption_victim_declined", "exemption_outside_education_activity", "exemption_already_separated", "committee_extended", "committee_ext_member_shortage", "committee_ext_party_request", "committee_ext_supplementary_investigation", "committee_ext_other", "committee_ext_unspecified", "investigation_extended", "gap_days", "gap_cases" from audit_case_facts) r cross join lateral unnest(r.categories) as c(category)
group by 1, 2, 3, 4
order by 1, 2, 3, 4
on conflict ("category", "month", "office_id", "school_level") do update set "cases" = t."cases" + excluded."cases", "clocks" = t."clocks" + excluded."clocks", "clocks_met" = t."clocks_met" + excluded."clocks_met", "clocks_met_late" = t."clocks_met_late" + excluded."clocks_met_late", "clocks_unmet" = t."clocks_unmet" + excluded."clocks_unmet", "cat_physical" = t."cat_physical" + excluded."cat_physical", "cat_verbal" = t."cat_verbal" + excluded."cat_verbal", "cat_extortion" = t."cat_extortion" + excluded."cat_extortion", "cat_coercion" = t."cat_coercion" + excluded."cat_coercion", "cat_exclusion" = t."cat_exclusion" + excluded."cat_exclusion", "cat_cyberbullying" = t."cat_cyberbullying" + excluded."cat_cyberbullying", "cat_sexual_violence" = t."cat_sexual_violence" + excluded."cat_sexual_violence", "cat_digital_sex_offence" = t."cat_digital_sex_offence" + excluded."cat_digital_sex_offence", "cat_other" = t."cat_other" + excluded."cat_other", "sexual_cases" = t."sexual_cases" + excluded."sexual_cases", "sexual_police_reported" = t."sexual_police_reported" + excluded."sexual_police_reported", "dso_police_reported" = t."dso_police_reported" + excluded."dso_police_reported", "self_resolved" = t."self_resolved" + excluded."self_resolved", "closed_not_violence" = t."closed_not_violence" + excluded."closed_not_violence", "committee_requested" = t."committee_requested" + excluded."committee_requested", "deliberated" = t."deliberated" + excluded."deliberated", "decided" = t."decided" + excluded."decided", "perpetrators_decided" = t."perpetrators_decided" + excluded."perpetrators_decided", "committee_not_violence" = t."committee_not_violence" + excluded."committee_not_violence", "pm1" = t."pm1" + excluded."pm1", "pm2" = t."pm2" + excluded."pm2", "pm3" = t."pm3" + excluded."pm3", "pm4" = t."pm4" + excluded."pm4", "pm5" = t."pm5" + excluded."pm5", "pm6" = t."pm6" + excluded."pm6", "pm7" = t."pm7" + excluded."pm7", "pm8" = t."pm8" + excluded."pm8", "pm9" = t."pm9" + excluded."pm9", "victims_with_measures" = t."victims_with_measures" + excluded."victims_with_measures", "vm1" = t."vm1" + excluded."vm1", "vm2" = t."vm2" + excluded."vm2", "vm3" = t."vm3" + excluded."vm3", "vm4" = t."vm4" + excluded."vm4", "vm6" = t."vm6" + excluded."vm6", "emergency_suspension" = t."emergency_suspension" + excluded."emergency_suspension", "emergency_class_change" = t."emergency_class_change" + excluded."emergency_class_change", "emergency_ratified" = t."emergency_ratified" + excluded."emergency_ratified", "emergency_not_ratified" = t."emergency_not_ratified" + excluded."emergency_not_ratified", "appeals_victim" = t."appeals_victim" + excluded."appeals_victim", "appeals_perpetrator" = t."appeals_perpetrator" + excluded."appeals_perpetrator", "appeals_administrative" = t."appeals_administrative" + excluded."appeals_administrative", "appeals_lawsuit" = t."appeals_lawsuit" + excluded."appeals_lawsuit", "stays_granted" = t."stays_granted" + excluded."stays_granted", "appeals_upheld" = t."appeals_upheld" + excluded."appeals_upheld", "appeals_varied" = t."appeals_varied" + excluded."appeals_varied", "appeals_annulled" = t."appeals_annulled" + excluded."appeals_annulled", "appeals_withdrawn" = t."appeals_withdrawn" + excluded."appeals_withdrawn", "separation_exempted" = t."separation_exempted" + excluded."separation_exempted", "exemption_victim_declined" = t."exemption_victim_declined" + excluded."exemption_victim_declined", "exemption_outside_education_activity" = t."exemption_outside_education_activity" + excluded."exemption_outside_education_activity", "exemption_already_separated" = t."exemption_already_separated" + excluded."exemption_already_separated", "committee_extended" = t."committee_extended" + excluded."committee_extended", "committee_ext_member_shortage" = t."committee_ext_member_shortage" + excluded."committee_ext_member_shortage", "committee_ext_party_request" = t."committee_ext_party_request" + excluded."committee_ext_party_request", "committee_ext_supplementary_investigation" = t."committee_ext_supplementary_investigation" + excluded."committee_ext_supplementary_investigation", "committee_ext_other" = t."committee_ext_other" + excluded."committee_ext_other", "committee_ext_unspecified" = t."committee_ext_unspecified" + excluded."committee_ext_unspecified", "investigation_extended" = t."investigation_extended" + excluded."investigation_extended", "gap_days" = t."gap_days" + excluded."gap_days", "gap_cases" = t."gap_cases" + excluded."gap_cases";
