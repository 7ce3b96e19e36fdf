ALTER TABLE "brands" ADD COLUMN "client_key" text;--> statement-breakpoint
CREATE UNIQUE INDEX "brands_client_key_idx" ON "brands" USING btree ("agency_id","client_key");