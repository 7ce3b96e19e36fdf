CREATE TABLE `promo_code_plays` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`campaign_id` integer NOT NULL,
	`participant_id` integer NOT NULL,
	`pool_code_id` integer NOT NULL,
	`reward_id` integer,
	`grant_id` integer,
	`at` integer NOT NULL,
	FOREIGN KEY (`campaign_id`) REFERENCES `campaigns`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`participant_id`) REFERENCES `participants`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`pool_code_id`) REFERENCES `promo_pool_codes`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`reward_id`) REFERENCES `promo_rewards`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`grant_id`) REFERENCES `promo_grants`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `promo_code_plays_code_idx` ON `promo_code_plays` (`pool_code_id`);--> statement-breakpoint
CREATE INDEX `promo_code_plays_participant_idx` ON `promo_code_plays` (`participant_id`);--> statement-breakpoint
CREATE TABLE `prize_moments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`campaign_id` integer NOT NULL,
	`reward_id` integer NOT NULL,
	`at` integer NOT NULL,
	`won_by` integer,
	`won_at` integer,
	`grant_id` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`campaign_id`) REFERENCES `campaigns`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`reward_id`) REFERENCES `promo_rewards`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`won_by`) REFERENCES `participants`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`grant_id`) REFERENCES `promo_grants`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `prize_moments_campaign_at_idx` ON `prize_moments` (`campaign_id`,`at`);--> statement-breakpoint
CREATE INDEX `prize_moments_unwon_idx` ON `prize_moments` (`campaign_id`,`reward_id`,`at`) WHERE "prize_moments"."won_by" IS NULL;