CREATE TABLE "account_patrons" (
	"account_id" integer NOT NULL,
	"patron_id" integer NOT NULL,
	"linked_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "account_patrons_account_id_patron_id_pk" PRIMARY KEY("account_id","patron_id"),
	CONSTRAINT "account_patrons_patronId_unique" UNIQUE("patron_id")
);
--> statement-breakpoint
CREATE TABLE "accounts" (
	"id" serial PRIMARY KEY NOT NULL,
	"username" text NOT NULL,
	"email" text NOT NULL,
	"password_hash" text NOT NULL,
	"session_version" integer DEFAULT 1 NOT NULL,
	"locale" text DEFAULT 'nl' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "accounts_locale_check" CHECK (locale in ('nl', 'en'))
);
--> statement-breakpoint
CREATE TABLE "branches" (
	"id" serial PRIMARY KEY NOT NULL,
	"library_id" integer NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cards" (
	"id" serial PRIMARY KEY NOT NULL,
	"patron_id" integer NOT NULL,
	"library_id" integer NOT NULL,
	"number" text NOT NULL,
	"kind" text NOT NULL,
	"pin_hash" text,
	CONSTRAINT "cards_kind_check" CHECK (kind in ('wise', 'eid', 'uitpas', 'akaart', 'other'))
);
--> statement-breakpoint
CREATE TABLE "digital_collections" (
	"id" serial PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	CONSTRAINT "digital_collections_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "fees" (
	"id" serial PRIMARY KEY NOT NULL,
	"patron_id" integer NOT NULL,
	"library_id" integer NOT NULL,
	"kind" text NOT NULL,
	"amount_cents" integer NOT NULL,
	"description" text NOT NULL,
	"created_on" date NOT NULL,
	"paid_on" date,
	CONSTRAINT "fees_kind_check" CHECK (kind in ('late', 'reservation', 'lost', 'damaged', 'contribution')),
	CONSTRAINT "fees_amount_check" CHECK ("fees"."amount_cents" >= 0)
);
--> statement-breakpoint
CREATE TABLE "items" (
	"id" serial PRIMARY KEY NOT NULL,
	"barcode" text NOT NULL,
	"title_id" integer NOT NULL,
	"library_id" integer NOT NULL,
	"branch_id" integer NOT NULL,
	CONSTRAINT "items_barcode_unique" UNIQUE("barcode")
);
--> statement-breakpoint
CREATE TABLE "libraries" (
	"id" serial PRIMARY KEY NOT NULL,
	"isil" text NOT NULL,
	"name" text NOT NULL,
	"country" text NOT NULL,
	"region_id" integer,
	CONSTRAINT "libraries_isil_unique" UNIQUE("isil"),
	CONSTRAINT "libraries_country_check" CHECK (country in ('BE', 'NL'))
);
--> statement-breakpoint
CREATE TABLE "library_digital_collections" (
	"library_id" integer NOT NULL,
	"digital_collection_id" integer NOT NULL,
	CONSTRAINT "library_digital_collections_library_id_digital_collection_id_pk" PRIMARY KEY("library_id","digital_collection_id")
);
--> statement-breakpoint
CREATE TABLE "loans" (
	"id" serial PRIMARY KEY NOT NULL,
	"item_id" integer NOT NULL,
	"patron_id" integer NOT NULL,
	"library_id" integer NOT NULL,
	"branch_id" integer NOT NULL,
	"lent_on" date NOT NULL,
	"due_on" date NOT NULL,
	"renewals" integer DEFAULT 0 NOT NULL,
	"returned_on" date,
	"hidden_from_history" boolean DEFAULT false NOT NULL,
	CONSTRAINT "loans_renewals_check" CHECK ("loans"."renewals" >= 0),
	CONSTRAINT "loans_due_check" CHECK ("loans"."due_on" >= "loans"."lent_on"),
	CONSTRAINT "loans_returned_check" CHECK ("loans"."returned_on" is null or "loans"."returned_on" >= "loans"."lent_on")
);
--> statement-breakpoint
CREATE TABLE "memberships" (
	"id" serial PRIMARY KEY NOT NULL,
	"patron_id" integer NOT NULL,
	"library_id" integer NOT NULL,
	"subscription_type_id" integer NOT NULL,
	"kind" text NOT NULL,
	"start_on" date NOT NULL,
	"end_on" date,
	"auto_renew" boolean DEFAULT false NOT NULL,
	"stopped_on" date,
	"registered_on" date,
	"home_isil" text,
	"home_card_number" text,
	"home_valid_until" date,
	"home_checked_on" date,
	"loan_strips" integer,
	CONSTRAINT "memberships_kind_check" CHECK (kind in ('ordinary', 'guest')),
	CONSTRAINT "memberships_shape_check" CHECK (("memberships"."kind" = 'ordinary' and "memberships"."end_on" is not null and "memberships"."end_on" >= "memberships"."start_on")
       or ("memberships"."kind" = 'guest' and "memberships"."registered_on" is not null and "memberships"."home_isil" is not null
           and "memberships"."home_card_number" is not null and "memberships"."loan_strips" is not null)),
	CONSTRAINT "memberships_loan_strips_check" CHECK ("memberships"."loan_strips" is null or "memberships"."loan_strips" >= 0)
);
--> statement-breakpoint
CREATE TABLE "patrons" (
	"id" serial PRIMARY KEY NOT NULL,
	"key" text NOT NULL,
	"given_name" text NOT NULL,
	"family_name" text NOT NULL,
	"birth_date" date,
	"email" text,
	"history_enabled" boolean DEFAULT false NOT NULL,
	CONSTRAINT "patrons_key_unique" UNIQUE("key")
);
--> statement-breakpoint
CREATE TABLE "regions" (
	"id" serial PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"fee_block_threshold_cents" integer NOT NULL,
	CONSTRAINT "regions_code_unique" UNIQUE("code"),
	CONSTRAINT "regions_kind_check" CHECK (kind in ('3a', '3b', '3c')),
	CONSTRAINT "regions_fee_block_threshold_check" CHECK ("regions"."fee_block_threshold_cents" >= 0)
);
--> statement-breakpoint
CREATE TABLE "renewal_log" (
	"id" serial PRIMARY KEY NOT NULL,
	"account_id" integer NOT NULL,
	"loan_id" integer NOT NULL,
	"attempted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"result" text NOT NULL,
	"reason" text,
	"new_due_on" date,
	"request_key" text,
	CONSTRAINT "renewal_log_result_check" CHECK (result in ('renewed', 'refused'))
);
--> statement-breakpoint
CREATE TABLE "renewal_requests" (
	"account_id" integer NOT NULL,
	"request_key" text NOT NULL,
	"response" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "renewal_requests_account_id_request_key_pk" PRIMARY KEY("account_id","request_key")
);
--> statement-breakpoint
CREATE TABLE "reservations" (
	"id" serial PRIMARY KEY NOT NULL,
	"title_id" integer NOT NULL,
	"patron_id" integer NOT NULL,
	"pickup_branch_id" integer NOT NULL,
	"placed_on" date NOT NULL,
	"status" text NOT NULL,
	"ready_until" date,
	CONSTRAINT "reservations_status_check" CHECK (status in ('waiting', 'in_transit', 'ready', 'cancelled', 'fulfilled')),
	CONSTRAINT "reservations_ready_check" CHECK ("reservations"."status" <> 'ready' or "reservations"."ready_until" is not null)
);
--> statement-breakpoint
CREATE TABLE "subscription_types" (
	"id" serial PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"region_id" integer,
	"library_id" integer,
	"loan_period_days" integer NOT NULL,
	"max_renewals" integer NOT NULL,
	"max_loans" integer NOT NULL,
	CONSTRAINT "subscription_types_scope_check" CHECK (("subscription_types"."region_id" is null) <> ("subscription_types"."library_id" is null)),
	CONSTRAINT "subscription_types_loan_period_check" CHECK ("subscription_types"."loan_period_days" > 0),
	CONSTRAINT "subscription_types_max_renewals_check" CHECK ("subscription_types"."max_renewals" >= 0),
	CONSTRAINT "subscription_types_max_loans_check" CHECK ("subscription_types"."max_loans" >= 0)
);
--> statement-breakpoint
CREATE TABLE "throttle_buckets" (
	"key" text PRIMARY KEY NOT NULL,
	"failures" integer DEFAULT 0 NOT NULL,
	"window_started_at" timestamp with time zone NOT NULL,
	"locked_until" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "titles" (
	"id" serial PRIMARY KEY NOT NULL,
	"key" text NOT NULL,
	"title" text NOT NULL,
	"author" text,
	"year" integer,
	"isbn" text,
	"material" text NOT NULL,
	CONSTRAINT "titles_key_unique" UNIQUE("key"),
	CONSTRAINT "titles_material_check" CHECK (material in ('book', 'comic', 'dvd', 'cd', 'game', 'magazine', 'other'))
);
--> statement-breakpoint
ALTER TABLE "account_patrons" ADD CONSTRAINT "account_patrons_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "account_patrons" ADD CONSTRAINT "account_patrons_patron_id_patrons_id_fk" FOREIGN KEY ("patron_id") REFERENCES "public"."patrons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "branches" ADD CONSTRAINT "branches_library_id_libraries_id_fk" FOREIGN KEY ("library_id") REFERENCES "public"."libraries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cards" ADD CONSTRAINT "cards_patron_id_patrons_id_fk" FOREIGN KEY ("patron_id") REFERENCES "public"."patrons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cards" ADD CONSTRAINT "cards_library_id_libraries_id_fk" FOREIGN KEY ("library_id") REFERENCES "public"."libraries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fees" ADD CONSTRAINT "fees_patron_id_patrons_id_fk" FOREIGN KEY ("patron_id") REFERENCES "public"."patrons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fees" ADD CONSTRAINT "fees_library_id_libraries_id_fk" FOREIGN KEY ("library_id") REFERENCES "public"."libraries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "items" ADD CONSTRAINT "items_title_id_titles_id_fk" FOREIGN KEY ("title_id") REFERENCES "public"."titles"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "items" ADD CONSTRAINT "items_library_id_libraries_id_fk" FOREIGN KEY ("library_id") REFERENCES "public"."libraries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "items" ADD CONSTRAINT "items_branch_id_branches_id_fk" FOREIGN KEY ("branch_id") REFERENCES "public"."branches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "libraries" ADD CONSTRAINT "libraries_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "library_digital_collections" ADD CONSTRAINT "library_digital_collections_library_id_libraries_id_fk" FOREIGN KEY ("library_id") REFERENCES "public"."libraries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "library_digital_collections" ADD CONSTRAINT "library_digital_collections_digital_collection_id_digital_collections_id_fk" FOREIGN KEY ("digital_collection_id") REFERENCES "public"."digital_collections"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "loans" ADD CONSTRAINT "loans_item_id_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "loans" ADD CONSTRAINT "loans_patron_id_patrons_id_fk" FOREIGN KEY ("patron_id") REFERENCES "public"."patrons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "loans" ADD CONSTRAINT "loans_library_id_libraries_id_fk" FOREIGN KEY ("library_id") REFERENCES "public"."libraries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "loans" ADD CONSTRAINT "loans_branch_id_branches_id_fk" FOREIGN KEY ("branch_id") REFERENCES "public"."branches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_patron_id_patrons_id_fk" FOREIGN KEY ("patron_id") REFERENCES "public"."patrons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_library_id_libraries_id_fk" FOREIGN KEY ("library_id") REFERENCES "public"."libraries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_subscription_type_id_subscription_types_id_fk" FOREIGN KEY ("subscription_type_id") REFERENCES "public"."subscription_types"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "renewal_log" ADD CONSTRAINT "renewal_log_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "renewal_log" ADD CONSTRAINT "renewal_log_loan_id_loans_id_fk" FOREIGN KEY ("loan_id") REFERENCES "public"."loans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "renewal_requests" ADD CONSTRAINT "renewal_requests_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reservations" ADD CONSTRAINT "reservations_title_id_titles_id_fk" FOREIGN KEY ("title_id") REFERENCES "public"."titles"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reservations" ADD CONSTRAINT "reservations_patron_id_patrons_id_fk" FOREIGN KEY ("patron_id") REFERENCES "public"."patrons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reservations" ADD CONSTRAINT "reservations_pickup_branch_id_branches_id_fk" FOREIGN KEY ("pickup_branch_id") REFERENCES "public"."branches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subscription_types" ADD CONSTRAINT "subscription_types_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subscription_types" ADD CONSTRAINT "subscription_types_library_id_libraries_id_fk" FOREIGN KEY ("library_id") REFERENCES "public"."libraries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "accounts_username_lower_idx" ON "accounts" USING btree (lower("username"));--> statement-breakpoint
CREATE INDEX "accounts_email_lower_idx" ON "accounts" USING btree (lower("email"));--> statement-breakpoint
CREATE UNIQUE INDEX "branches_library_id_code_index" ON "branches" USING btree ("library_id","code");--> statement-breakpoint
CREATE UNIQUE INDEX "cards_library_id_number_index" ON "cards" USING btree ("library_id","number");--> statement-breakpoint
CREATE INDEX "cards_number_index" ON "cards" USING btree ("number");--> statement-breakpoint
CREATE INDEX "cards_patron_id_index" ON "cards" USING btree ("patron_id");--> statement-breakpoint
CREATE UNIQUE INDEX "fees_patron_id_library_id_kind_created_on_description_index" ON "fees" USING btree ("patron_id","library_id","kind","created_on","description");--> statement-breakpoint
CREATE INDEX "items_title_id_index" ON "items" USING btree ("title_id");--> statement-breakpoint
CREATE INDEX "libraries_region_id_index" ON "libraries" USING btree ("region_id");--> statement-breakpoint
CREATE UNIQUE INDEX "loans_one_open_per_item_idx" ON "loans" USING btree ("item_id") WHERE "loans"."returned_on" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "loans_item_lent_on_idx" ON "loans" USING btree ("item_id","lent_on");--> statement-breakpoint
CREATE INDEX "loans_open_by_patron_due_idx" ON "loans" USING btree ("patron_id","due_on") WHERE "loans"."returned_on" is null;--> statement-breakpoint
CREATE INDEX "loans_history_by_patron_idx" ON "loans" USING btree ("patron_id","returned_on") WHERE "loans"."returned_on" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "memberships_patron_id_library_id_index" ON "memberships" USING btree ("patron_id","library_id");--> statement-breakpoint
CREATE INDEX "memberships_library_id_index" ON "memberships" USING btree ("library_id");--> statement-breakpoint
CREATE INDEX "renewal_log_loan_id_index" ON "renewal_log" USING btree ("loan_id");--> statement-breakpoint
CREATE INDEX "renewal_log_account_id_request_key_index" ON "renewal_log" USING btree ("account_id","request_key");--> statement-breakpoint
CREATE UNIQUE INDEX "reservations_patron_id_title_id_placed_on_index" ON "reservations" USING btree ("patron_id","title_id","placed_on");--> statement-breakpoint
CREATE INDEX "reservations_active_by_title_idx" ON "reservations" USING btree ("title_id","placed_on") WHERE "reservations"."status" in ('waiting', 'in_transit', 'ready');--> statement-breakpoint
CREATE UNIQUE INDEX "subscription_types_region_code_idx" ON "subscription_types" USING btree ("region_id","code") WHERE "subscription_types"."region_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "subscription_types_library_code_idx" ON "subscription_types" USING btree ("library_id","code") WHERE "subscription_types"."library_id" is not null;