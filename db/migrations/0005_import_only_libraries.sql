CREATE TABLE "portal_changes" (
	"id" serial PRIMARY KEY NOT NULL,
	"occurred_at" timestamp with time zone DEFAULT now() NOT NULL,
	"account_id" integer NOT NULL,
	"patron_id" integer,
	"library_id" integer,
	"kind" text NOT NULL,
	"loan_id" integer,
	"reservation_id" integer,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"status" text DEFAULT 'unconfirmed' NOT NULL,
	"resolved_at" timestamp with time zone,
	"resolved_by" text,
	"rejected_reason" text,
	"notice_dismissed_at" timestamp with time zone,
	CONSTRAINT "portal_changes_kind_check" CHECK (kind in ('renewal', 'reservation_cancelled', 'pickup_changed', 'history_enabled', 'history_disabled', 'history_cleared', 'account_email_changed', 'account_password_changed', 'membership_linked', 'membership_unlinked')),
	CONSTRAINT "portal_changes_status_check" CHECK (status in ('unconfirmed', 'confirmed', 'rejected')),
	CONSTRAINT "portal_changes_resolved_check" CHECK (("portal_changes"."status" = 'unconfirmed') = ("portal_changes"."resolved_by" is null and "portal_changes"."resolved_at" is null)),
	CONSTRAINT "portal_changes_resolved_by_check" CHECK ("portal_changes"."resolved_by" is null or resolved_by in ('library', 'import', 'ack')),
	CONSTRAINT "portal_changes_rejected_check" CHECK (("portal_changes"."status" = 'rejected') = ("portal_changes"."rejected_reason" is not null))
);
--> statement-breakpoint
ALTER TABLE "cards" ADD COLUMN "pin_source" text;--> statement-breakpoint
ALTER TABLE "portal_changes" ADD CONSTRAINT "portal_changes_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portal_changes" ADD CONSTRAINT "portal_changes_patron_id_patrons_id_fk" FOREIGN KEY ("patron_id") REFERENCES "public"."patrons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portal_changes" ADD CONSTRAINT "portal_changes_library_id_libraries_id_fk" FOREIGN KEY ("library_id") REFERENCES "public"."libraries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portal_changes" ADD CONSTRAINT "portal_changes_loan_id_loans_id_fk" FOREIGN KEY ("loan_id") REFERENCES "public"."loans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portal_changes" ADD CONSTRAINT "portal_changes_reservation_id_reservations_id_fk" FOREIGN KEY ("reservation_id") REFERENCES "public"."reservations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "portal_changes_unconfirmed_idx" ON "portal_changes" USING btree ("library_id","id") WHERE "portal_changes"."status" = 'unconfirmed';--> statement-breakpoint
CREATE INDEX "portal_changes_loan_id_index" ON "portal_changes" USING btree ("loan_id");--> statement-breakpoint
CREATE INDEX "portal_changes_reservation_id_index" ON "portal_changes" USING btree ("reservation_id");--> statement-breakpoint
CREATE INDEX "portal_changes_patron_id_index" ON "portal_changes" USING btree ("patron_id");--> statement-breakpoint
CREATE INDEX "portal_changes_account_id_index" ON "portal_changes" USING btree ("account_id");--> statement-breakpoint
CREATE INDEX "portal_changes_notices_idx" ON "portal_changes" USING btree ("account_id") WHERE "portal_changes"."status" = 'rejected' and "portal_changes"."notice_dismissed_at" is null;