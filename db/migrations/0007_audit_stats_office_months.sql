CREATE TABLE "audit_office_months" (
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
	CONSTRAINT "audit_office_months_month_office_id_school_level_pk" PRIMARY KEY("month","office_id","school_level")
);
--> statement-breakpoint
CREATE INDEX "audit_office_months_office_idx" ON "audit_office_months" USING btree ("office_id","month");--> statement-breakpoint
ALTER TABLE "audit_school_months" DROP COLUMN "cat_physical";--> statement-breakpoint
ALTER TABLE "audit_school_months" DROP COLUMN "cat_verbal";--> statement-breakpoint
ALTER TABLE "audit_school_months" DROP COLUMN "cat_extortion";--> statement-breakpoint
ALTER TABLE "audit_school_months" DROP COLUMN "cat_coercion";--> statement-breakpoint
ALTER TABLE "audit_school_months" DROP COLUMN "cat_exclusion";--> statement-breakpoint
ALTER TABLE "audit_school_months" DROP COLUMN "cat_cyberbullying";--> statement-breakpoint
ALTER TABLE "audit_school_months" DROP COLUMN "cat_sexual_violence";--> statement-breakpoint
ALTER TABLE "audit_school_months" DROP COLUMN "cat_digital_sex_offence";--> statement-breakpoint
ALTER TABLE "audit_school_months" DROP COLUMN "cat_other";--> statement-breakpoint
ALTER TABLE "audit_school_months" DROP COLUMN "sexual_cases";--> statement-breakpoint
ALTER TABLE "audit_school_months" DROP COLUMN "sexual_police_reported";--> statement-breakpoint
ALTER TABLE "audit_school_months" DROP COLUMN "dso_police_reported";--> statement-breakpoint
ALTER TABLE "audit_school_months" DROP COLUMN "self_resolved";--> statement-breakpoint
ALTER TABLE "audit_school_months" DROP COLUMN "closed_not_violence";--> statement-breakpoint
ALTER TABLE "audit_school_months" DROP COLUMN "committee_requested";--> statement-breakpoint
ALTER TABLE "audit_school_months" DROP COLUMN "deliberated";--> statement-breakpoint
ALTER TABLE "audit_school_months" DROP COLUMN "decided";--> statement-breakpoint
ALTER TABLE "audit_school_months" DROP COLUMN "perpetrators_decided";--> statement-breakpoint
ALTER TABLE "audit_school_months" DROP COLUMN "committee_not_violence";--> statement-breakpoint
ALTER TABLE "audit_school_months" DROP COLUMN "pm1";--> statement-breakpoint
ALTER TABLE "audit_school_months" DROP COLUMN "pm2";--> statement-breakpoint
ALTER TABLE "audit_school_months" DROP COLUMN "pm3";--> statement-breakpoint
ALTER TABLE "audit_school_months" DROP COLUMN "pm4";--> statement-breakpoint
ALTER TABLE "audit_school_months" DROP COLUMN "pm5";--> statement-breakpoint
ALTER TABLE "audit_school_months" DROP COLUMN "pm6";--> statement-breakpoint
ALTER TABLE "audit_school_months" DROP COLUMN "pm7";--> statement-breakpoint
ALTER TABLE "audit_school_months" DROP COLUMN "pm8";--> statement-breakpoint
ALTER TABLE "audit_school_months" DROP COLUMN "pm9";--> statement-breakpoint
ALTER TABLE "audit_school_months" DROP COLUMN "victims_with_measures";--> statement-breakpoint
ALTER TABLE "audit_school_months" DROP COLUMN "vm1";--> statement-breakpoint
ALTER TABLE "audit_school_months" DROP COLUMN "vm2";--> statement-breakpoint
ALTER TABLE "audit_school_months" DROP COLUMN "vm3";--> statement-breakpoint
ALTER TABLE "audit_school_months" DROP COLUMN "vm4";--> statement-breakpoint
ALTER TABLE "audit_school_months" DROP COLUMN "vm6";--> statement-breakpoint
ALTER TABLE "audit_school_months" DROP COLUMN "emergency_suspension";--> statement-breakpoint
ALTER TABLE "audit_school_months" DROP COLUMN "emergency_class_change";--> statement-breakpoint
ALTER TABLE "audit_school_months" DROP COLUMN "emergency_ratified";--> statement-breakpoint
ALTER TABLE "audit_school_months" DROP COLUMN "emergency_not_ratified";--> statement-breakpoint
ALTER TABLE "audit_school_months" DROP COLUMN "appeals_victim";--> statement-breakpoint
ALTER TABLE "audit_school_months" DROP COLUMN "appeals_perpetrator";--> statement-breakpoint
ALTER TABLE "audit_school_months" DROP COLUMN "appeals_administrative";--> statement-breakpoint
ALTER TABLE "audit_school_months" DROP COLUMN "appeals_lawsuit";--> statement-breakpoint
ALTER TABLE "audit_school_months" DROP COLUMN "stays_granted";--> statement-breakpoint
ALTER TABLE "audit_school_months" DROP COLUMN "appeals_upheld";--> statement-breakpoint
ALTER TABLE "audit_school_months" DROP COLUMN "appeals_varied";--> statement-breakpoint
ALTER TABLE "audit_school_months" DROP COLUMN "appeals_annulled";--> statement-breakpoint
ALTER TABLE "audit_school_months" DROP COLUMN "appeals_withdrawn";--> statement-breakpoint
ALTER TABLE "audit_school_months" DROP COLUMN "separation_exempted";--> statement-breakpoint
ALTER TABLE "audit_school_months" DROP COLUMN "exemption_victim_declined";--> statement-breakpoint
ALTER TABLE "audit_school_months" DROP COLUMN "exemption_outside_education_activity";--> statement-breakpoint
ALTER TABLE "audit_school_months" DROP COLUMN "exemption_already_separated";--> statement-breakpoint
ALTER TABLE "audit_school_months" DROP COLUMN "committee_extended";--> statement-breakpoint
ALTER TABLE "audit_school_months" DROP COLUMN "committee_ext_member_shortage";--> statement-breakpoint
ALTER TABLE "audit_school_months" DROP COLUMN "committee_ext_party_request";--> statement-breakpoint
ALTER TABLE "audit_school_months" DROP COLUMN "committee_ext_supplementary_investigation";--> statement-breakpoint
ALTER TABLE "audit_school_months" DROP COLUMN "committee_ext_other";--> statement-breakpoint
ALTER TABLE "audit_school_months" DROP COLUMN "committee_ext_unspecified";--> statement-breakpoint
ALTER TABLE "audit_school_months" DROP COLUMN "investigation_extended";--> statement-breakpoint
ALTER TABLE "audit_school_months" DROP COLUMN "gap_days";--> statement-breakpoint
ALTER TABLE "audit_school_months" DROP COLUMN "gap_cases";
--> statement-breakpoint
-- Backfill: the office rollup is the sum of the per-case facts already stored.
INSERT INTO "audit_office_months" ("month", "office_id", "school_level", "cases", "clocks", "clocks_met", "clocks_met_late", "clocks_unmet", "cat_physical", "cat_verbal", "cat_extortion", "cat_coercion", "cat_exclusion", "cat_cyberbullying", "cat_sexual_violence", "cat_digital_sex_offence", "cat_other", "sexual_cases", "sexual_police_reported", "dso_police_reported", "self_resolved", "closed_not_violence", "committee_requested", "deliberated", "decided", "perpetrators_decided", "committee_not_violence", "pm1", "pm2", "pm3", "pm4", "pm5", "pm6", "pm7", "pm8", "pm9", "victims_with_measures", "vm1", "vm2", "vm3", "vm4", "vm6", "emergency_suspension", "emergency_class_change", "emergency_ratified", "emergency_not_ratified", "appeals_victim", "appeals_perpetrator", "appeals_administrative", "appeals_lawsuit", "stays_granted", "appeals_upheld", "appeals_varied", "appeals_annulled", "appeals_withdrawn", "separation_exempted", "exemption_victim_declined", "exemption_outside_education_activity", "exemption_already_separated", "committee_extended", "committee_ext_member_shortage", "committee_ext_party_request", "committee_ext_supplementary_investigation", "committee_ext_other", "committee_ext_unspecified", "investigation_extended", "gap_days", "gap_cases")
SELECT "reported_month", "office_id", "school_level", count(*)::int, sum("clocks")::int, sum("clocks_met")::int, sum("clocks_met_late")::int, sum("clocks_unmet")::int, sum("cat_physical")::int, sum("cat_verbal")::int, sum("cat_extortion")::int, sum("cat_coercion")::int, sum("cat_exclusion")::int, sum("cat_cyberbullying")::int, sum("cat_sexual_violence")::int, sum("cat_digital_sex_offence")::int, sum("cat_other")::int, sum("sexual_cases")::int, sum("sexual_police_reported")::int, sum("dso_police_reported")::int, sum("self_resolved")::int, sum("closed_not_violence")::int, sum("committee_requested")::int, sum("deliberated")::int, sum("decided")::int, sum("perpetrators_decided")::int, sum("committee_not_violence")::int, sum("pm1")::int, sum("pm2")::int, sum("pm3")::int, sum("pm4")::int, sum("pm5")::int, sum("pm6")::int, sum("pm7")::int, sum("pm8")::int, sum("pm9")::int, sum("victims_with_measures")::int, sum("vm1")::int, sum("vm2")::int, sum("vm3")::int, sum("vm4")::int, sum("vm6")::int, sum("emergency_suspension")::int, sum("emergency_class_change")::int, sum("emergency_ratified")::int, sum("emergency_not_ratified")::int, sum("appeals_victim")::int, sum("appeals_perpetrator")::int, sum("appeals_administrative")::int, sum("appeals_lawsuit")::int, sum("stays_granted")::int, sum("appeals_upheld")::int, sum("appeals_varied")::int, sum("appeals_annulled")::int, sum("appeals_withdrawn")::int, sum("separation_exempted")::int, sum("exemption_victim_declined")::int, sum("exemption_outside_education_activity")::int, sum("exemption_already_separated")::int, sum("committee_extended")::int, sum("committee_ext_member_shortage")::int, sum("committee_ext_party_request")::int, sum("committee_ext_supplementary_investigation")::int, sum("committee_ext_other")::int, sum("committee_ext_unspecified")::int, sum("investigation_extended")::int, sum("gap_days")::int, sum("gap_cases")::int
FROM "audit_case_facts" GROUP BY 1, 2, 3;
