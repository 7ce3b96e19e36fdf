CREATE TABLE `offer_categories` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`campaign_id` integer NOT NULL,
	`external_id` text NOT NULL,
	`name` text NOT NULL,
	`parent_external_id` text,
	`updated_at` integer NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`campaign_id`) REFERENCES `campaigns`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `offer_categories_external_idx` ON `offer_categories` (`campaign_id`,`external_id`);--> statement-breakpoint
CREATE TABLE `offer_category_subscriptions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`campaign_id` integer NOT NULL,
	`participant_id` integer NOT NULL,
	`category_external_id` text NOT NULL,
	`language` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`campaign_id`) REFERENCES `campaigns`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`participant_id`) REFERENCES `participants`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `offer_category_subscriptions_idx` ON `offer_category_subscriptions` (`participant_id`,`category_external_id`);--> statement-breakpoint
CREATE INDEX `offer_category_subscriptions_category_idx` ON `offer_category_subscriptions` (`campaign_id`,`category_external_id`);--> statement-breakpoint
CREATE TABLE `offer_favourites` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`participant_id` integer NOT NULL,
	`offer_id` integer NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`participant_id`) REFERENCES `participants`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`offer_id`) REFERENCES `offers`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `offer_favourites_idx` ON `offer_favourites` (`participant_id`,`offer_id`);--> statement-breakpoint
CREATE TABLE `offers` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`campaign_id` integer NOT NULL,
	`external_id` text NOT NULL,
	`title` text NOT NULL,
	`description` text,
	`image_url` text,
	`old_price` integer,
	`price` integer,
	`discount_percent` integer,
	`currency` text DEFAULT 'RUB' NOT NULL,
	`starts_on` text,
	`ends_on` text,
	`category_external_id` text,
	`region` text,
	`how_to_use` text,
	`url` text,
	`status` text DEFAULT 'active' NOT NULL,
	`ended_at` integer,
	`updated_at` integer NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`campaign_id`) REFERENCES `campaigns`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `offers_external_idx` ON `offers` (`campaign_id`,`external_id`);--> statement-breakpoint
CREATE INDEX `offers_campaign_status_idx` ON `offers` (`campaign_id`,`status`,`category_external_id`);--> statement-breakpoint
CREATE INDEX `promo_code_plays_grant_idx` ON `promo_code_plays` (`grant_id`);--> statement-breakpoint
CREATE INDEX `promo_pool_codes_participant_idx` ON `promo_pool_codes` (`participant_id`) WHERE "promo_pool_codes"."participant_id" IS NOT NULL;--> statement-breakpoint
CREATE INDEX `prize_moments_grant_idx` ON `prize_moments` (`grant_id`);--> statement-breakpoint
CREATE INDEX `prize_moments_won_by_idx` ON `prize_moments` (`won_by`);