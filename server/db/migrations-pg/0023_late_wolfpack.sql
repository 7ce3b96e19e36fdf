ALTER TABLE "outbox" ADD COLUMN "vk_app_id" bigint;--> statement-breakpoint
-- Decision 093: each notification still to send carries its app, as outbox-app.ts writes it (its campaign's app's VK id).
UPDATE "outbox" SET "vk_app_id" = (SELECT "apps"."vk_app_id" FROM "campaigns" INNER JOIN "apps" ON "apps"."id" = "campaigns"."app_id" WHERE "campaigns"."id" = "outbox"."campaign_id") WHERE "channel" = 'notification' AND "campaign_id" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "outbox_community_due_idx" ON "outbox" USING btree ("vk_group_id","channel","status","next_attempt_at");--> statement-breakpoint
CREATE INDEX "outbox_app_due_idx" ON "outbox" USING btree ("vk_app_id","channel","status","next_attempt_at");