CREATE TABLE "ended_sessions" (
	"session_id" text PRIMARY KEY NOT NULL,
	"account_id" integer NOT NULL,
	"ended_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "library_claims" (
	"subject" text PRIMARY KEY NOT NULL,
	"account_id" integer NOT NULL,
	"request_key" text NOT NULL,
	"claimed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"released_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "library_sync" (
	"patron_id" integer NOT NULL,
	"library_id" integer NOT NULL,
	"last_fetched_at" timestamp with time zone,
	"last_attempt_at" timestamp with time zone NOT NULL,
	"last_failure" text,
	CONSTRAINT "library_sync_patron_id_library_id_pk" PRIMARY KEY("patron_id","library_id"),
	CONSTRAINT "library_sync_last_failure_check" CHECK ("library_sync"."last_failure" is null or last_failure in ('unreachable'))
);
--> statement-breakpoint
ALTER TABLE "accounts" ADD COLUMN "email_verified" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "cards" ADD COLUMN "source_number" text;--> statement-breakpoint
ALTER TABLE "reservations" ADD COLUMN "library_id" integer;--> statement-breakpoint
ALTER TABLE "reservations" ADD COLUMN "library_item_barcode" text;--> statement-breakpoint
ALTER TABLE "throttle_buckets" ADD COLUMN "expires_at" timestamp with time zone DEFAULT now() + interval '1 day' NOT NULL;--> statement-breakpoint
ALTER TABLE "ended_sessions" ADD CONSTRAINT "ended_sessions_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "library_claims" ADD CONSTRAINT "library_claims_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "library_sync" ADD CONSTRAINT "library_sync_patron_id_patrons_id_fk" FOREIGN KEY ("patron_id") REFERENCES "public"."patrons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "library_sync" ADD CONSTRAINT "library_sync_library_id_libraries_id_fk" FOREIGN KEY ("library_id") REFERENCES "public"."libraries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "ended_sessions_expires_at_index" ON "ended_sessions" USING btree ("expires_at");--> statement-breakpoint
CREATE INDEX "library_sync_library_id_index" ON "library_sync" USING btree ("library_id");--> statement-breakpoint
ALTER TABLE "reservations" ADD CONSTRAINT "reservations_library_id_libraries_id_fk" FOREIGN KEY ("library_id") REFERENCES "public"."libraries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "throttle_buckets_expires_idx" ON "throttle_buckets" USING btree ("expires_at");