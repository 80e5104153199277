DROP INDEX "items_title_library_idx";--> statement-breakpoint
CREATE INDEX "items_title_library_id_idx" ON "items" USING btree ("title_id","library_id","id");--> statement-breakpoint
CREATE INDEX "fees_unpaid_by_patron_idx" ON "fees" USING btree ("patron_id","library_id","amount_cents") WHERE "fees"."paid_on" is null;--> statement-breakpoint
CREATE INDEX "reservations_title_reach_idx" ON "reservations" USING btree ("title_id","pickup_branch_id","status","patron_id") WHERE "reservations"."status" in ('waiting', 'in_transit', 'ready');