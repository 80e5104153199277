DROP INDEX "items_title_id_index";--> statement-breakpoint
CREATE INDEX "items_title_library_idx" ON "items" USING btree ("title_id","library_id");