ALTER TABLE "broadcasts" ADD COLUMN "client_key" text;--> statement-breakpoint
CREATE UNIQUE INDEX "broadcasts_client_key_idx" ON "broadcasts" USING btree ("campaign_id","client_key");