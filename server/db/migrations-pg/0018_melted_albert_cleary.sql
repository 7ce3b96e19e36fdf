ALTER TABLE "message_rules" ADD COLUMN "client_key" text;--> statement-breakpoint
ALTER TABLE "kb_articles" ADD COLUMN "client_key" text;--> statement-breakpoint
CREATE UNIQUE INDEX "message_rules_client_key_idx" ON "message_rules" USING btree ("campaign_id","client_key");--> statement-breakpoint
CREATE UNIQUE INDEX "kb_articles_client_key_idx" ON "kb_articles" USING btree ("brand_id","client_key");