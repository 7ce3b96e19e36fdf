CREATE INDEX "promo_code_plays_grant_idx" ON "promo_code_plays" USING btree ("grant_id");--> statement-breakpoint
CREATE INDEX "promo_pool_codes_participant_idx" ON "promo_pool_codes" USING btree ("participant_id") WHERE "promo_pool_codes"."participant_id" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "prize_moments_grant_idx" ON "prize_moments" USING btree ("grant_id");--> statement-breakpoint
CREATE INDEX "prize_moments_won_by_idx" ON "prize_moments" USING btree ("won_by");