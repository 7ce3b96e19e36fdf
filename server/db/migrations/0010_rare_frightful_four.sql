DROP INDEX `promo_grants_once_idx`;--> statement-breakpoint
ALTER TABLE `promo_grants` ADD `nth` integer DEFAULT 1 NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX `promo_grants_nth_idx` ON `promo_grants` (`participant_id`,`reward_id`,`nth`);--> statement-breakpoint
ALTER TABLE `promo_rewards` ADD `per_user_limit` integer DEFAULT 1 NOT NULL;