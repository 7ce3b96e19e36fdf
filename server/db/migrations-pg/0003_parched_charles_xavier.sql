DROP INDEX "promo_grants_once_idx";--> statement-breakpoint
ALTER TABLE "promo_grants" ADD COLUMN "nth" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "promo_rewards" ADD COLUMN "per_user_limit" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "promo_grants_nth_idx" ON "promo_grants" USING btree ("participant_id","reward_id","nth");