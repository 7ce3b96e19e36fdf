CREATE TABLE `beta_links` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`campaign_id` integer NOT NULL,
	`token` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`campaign_id`) REFERENCES `campaigns`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `beta_links_campaign_idx` ON `beta_links` (`campaign_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `beta_links_token_idx` ON `beta_links` (`token`);--> statement-breakpoint
CREATE TABLE `beta_testers` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`campaign_id` integer NOT NULL,
	`platform` text NOT NULL,
	`platform_user_id` text NOT NULL,
	`source` text NOT NULL,
	`added_at` integer NOT NULL,
	FOREIGN KEY (`campaign_id`) REFERENCES `campaigns`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `beta_testers_user_idx` ON `beta_testers` (`campaign_id`,`platform`,`platform_user_id`);--> statement-breakpoint
CREATE TABLE `campaign_revisions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`campaign_id` integer NOT NULL,
	`number` integer NOT NULL,
	`document` text NOT NULL,
	`created_by_platform` text NOT NULL,
	`created_by_user_id` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`campaign_id`) REFERENCES `campaigns`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `campaign_revisions_number_idx` ON `campaign_revisions` (`campaign_id`,`number`);--> statement-breakpoint
CREATE TABLE `rate_limit_buckets` (
	`bucket` text NOT NULL,
	`subject` text NOT NULL,
	`full_at` integer NOT NULL,
	PRIMARY KEY(`bucket`, `subject`)
);
--> statement-breakpoint
CREATE INDEX `rate_limit_buckets_full_at_idx` ON `rate_limit_buckets` (`full_at`);--> statement-breakpoint
CREATE TABLE `draw_picks` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`draw_id` integer NOT NULL,
	`position` integer NOT NULL,
	`counter` integer NOT NULL,
	`entry_index` integer NOT NULL,
	`participant_id` integer NOT NULL,
	`role` text NOT NULL,
	`replaces_pick_id` integer,
	`replaced_at` integer,
	`replaced_reason` text,
	`replaced_by_platform` text,
	`replaced_by_user_id` text,
	`verification` text,
	`announced_at` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`draw_id`) REFERENCES `draws`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`participant_id`) REFERENCES `participants`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `draw_picks_entry_idx` ON `draw_picks` (`draw_id`,`entry_index`);--> statement-breakpoint
CREATE UNIQUE INDEX `draw_picks_position_idx` ON `draw_picks` (`draw_id`,`position`);--> statement-breakpoint
CREATE INDEX `draw_picks_participant_idx` ON `draw_picks` (`participant_id`);--> statement-breakpoint
CREATE TABLE `draws` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`campaign_id` integer NOT NULL,
	`algorithm` text NOT NULL,
	`seed` text NOT NULL,
	`commitment` text NOT NULL,
	`committed_at` integer NOT NULL,
	`drawn_at` integer,
	`drawn_by_platform` text,
	`drawn_by_user_id` text,
	`entries` text,
	`entries_hash` text,
	`next_counter` integer DEFAULT 0 NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`campaign_id`) REFERENCES `campaigns`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `draws_campaign_idx` ON `draws` (`campaign_id`);--> statement-breakpoint
CREATE TABLE `office_audit` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`brand_id` integer,
	`actor_platform` text NOT NULL,
	`actor_user_id` text NOT NULL,
	`section` text NOT NULL,
	`action` text NOT NULL,
	`entity` text NOT NULL,
	`entity_id` text NOT NULL,
	`before` text,
	`after` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`brand_id`) REFERENCES `brands`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `office_audit_brand_at_idx` ON `office_audit` (`brand_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `office_audit_entity_idx` ON `office_audit` (`entity`,`entity_id`);--> statement-breakpoint
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
CREATE INDEX `prize_moments_unwon_idx` ON `prize_moments` (`campaign_id`,`reward_id`,`at`) WHERE "prize_moments"."won_by" IS NULL;--> statement-breakpoint
DROP INDEX `promo_pool_codes_free_idx`;--> statement-breakpoint
CREATE INDEX `promo_pool_codes_free_idx` ON `promo_pool_codes` (`pool_id`,`id`) WHERE "promo_pool_codes"."used_at" IS NULL;--> statement-breakpoint
ALTER TABLE `participants` ADD `is_tester` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `promo_code_pools` ADD `sandbox` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `promo_code_pools` ADD `sandbox_of` integer;--> statement-breakpoint
ALTER TABLE `promo_rewards` ADD `removed_at` integer;--> statement-breakpoint
ALTER TABLE `promo_tasks` ADD `removed_at` integer;