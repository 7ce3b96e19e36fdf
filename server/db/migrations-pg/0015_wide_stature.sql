ALTER TABLE "campaigns" ADD COLUMN "client_key" text;--> statement-breakpoint
ALTER TABLE "campaigns" ADD COLUMN "created_from" text;--> statement-breakpoint
CREATE UNIQUE INDEX "campaigns_client_key_idx" ON "campaigns" USING btree ("brand_id","client_key");