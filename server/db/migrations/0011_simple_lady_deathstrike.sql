DROP INDEX `promo_pool_codes_free_idx`;--> statement-breakpoint
CREATE INDEX `promo_pool_codes_free_idx` ON `promo_pool_codes` (`pool_id`,`id`) WHERE "promo_pool_codes"."used_at" IS NULL;