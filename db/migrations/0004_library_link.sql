CREATE TABLE "library_claims" (
	"subject" text PRIMARY KEY NOT NULL,
	"account_id" integer NOT NULL,
	"request_key" text NOT NULL,
	"claimed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "cards" ADD COLUMN "source_number" text;--> statement-breakpoint
ALTER TABLE "reservations" ADD COLUMN "library_id" integer;--> statement-breakpoint
ALTER TABLE "reservations" ADD COLUMN "library_item_barcode" text;--> statement-breakpoint
ALTER TABLE "library_claims" ADD CONSTRAINT "library_claims_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reservations" ADD CONSTRAINT "reservations_library_id_libraries_id_fk" FOREIGN KEY ("library_id") REFERENCES "public"."libraries"("id") ON DELETE no action ON UPDATE no action;