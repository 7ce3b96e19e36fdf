CREATE TABLE `invitations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`token_hash` text NOT NULL,
	`agency_id` integer NOT NULL,
	`brand_id` integer,
	`role` text NOT NULL,
	`sections` text NOT NULL,
	`platform` text NOT NULL,
	`platform_user_id` text,
	`expires_at` integer NOT NULL,
	`created_by_platform` text NOT NULL,
	`created_by_user_id` text NOT NULL,
	`used_at` integer,
	`used_by_user_id` text,
	`revoked_at` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`agency_id`) REFERENCES `agencies`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`brand_id`) REFERENCES `brands`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `invitations_token_idx` ON `invitations` (`token_hash`);--> statement-breakpoint
CREATE INDEX `invitations_agency_idx` ON `invitations` (`agency_id`);--> statement-breakpoint
CREATE TABLE `telemetry_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`campaign_id` integer NOT NULL,
	`participant_id` integer NOT NULL,
	`platform` text NOT NULL,
	`kind` text NOT NULL,
	`at` integer NOT NULL,
	`screen` text DEFAULT '' NOT NULL,
	`build` text,
	`message` text,
	FOREIGN KEY (`campaign_id`) REFERENCES `campaigns`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`participant_id`) REFERENCES `participants`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `telemetry_events_campaign_at_idx` ON `telemetry_events` (`campaign_id`,`at`);--> statement-breakpoint
CREATE TABLE `canned_answers` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`brand_id` integer NOT NULL,
	`title` text NOT NULL,
	`body_ru` text NOT NULL,
	`body_en` text,
	`position` integer DEFAULT 0 NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`brand_id`) REFERENCES `brands`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `canned_answers_brand_idx` ON `canned_answers` (`brand_id`,`position`);--> statement-breakpoint
CREATE TABLE `kb_articles` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`brand_id` integer NOT NULL,
	`campaign_id` integer,
	`title_ru` text NOT NULL,
	`body_ru` text NOT NULL,
	`title_en` text,
	`body_en` text,
	`position` integer DEFAULT 0 NOT NULL,
	`published` integer DEFAULT false NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`brand_id`) REFERENCES `brands`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`campaign_id`) REFERENCES `campaigns`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `kb_articles_brand_idx` ON `kb_articles` (`brand_id`,`published`,`position`);--> statement-breakpoint
CREATE TABLE `kb_feedback` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`article_id` integer NOT NULL,
	`platform` text NOT NULL,
	`platform_user_id` text NOT NULL,
	`viewed_at` integer NOT NULL,
	`helped` integer,
	`answered_at` integer,
	FOREIGN KEY (`article_id`) REFERENCES `kb_articles`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `kb_feedback_person_idx` ON `kb_feedback` (`article_id`,`platform`,`platform_user_id`);--> statement-breakpoint
DROP INDEX `promo_grants_once_idx`;--> statement-breakpoint
ALTER TABLE `promo_grants` ADD `nth` integer DEFAULT 1 NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX `promo_grants_nth_idx` ON `promo_grants` (`participant_id`,`reward_id`,`nth`);--> statement-breakpoint
ALTER TABLE `broadcasts` ADD `texts` text DEFAULT '{}' NOT NULL;--> statement-breakpoint
ALTER TABLE `message_rules` ADD `segment` text DEFAULT '{}' NOT NULL;--> statement-breakpoint
ALTER TABLE `tickets` ADD `assignee_membership_id` integer;--> statement-breakpoint
ALTER TABLE `tickets` ADD `waiting_since` integer;--> statement-breakpoint
ALTER TABLE `agencies` ADD `logo_url` text;--> statement-breakpoint
ALTER TABLE `agencies` ADD `accent` text;--> statement-breakpoint
ALTER TABLE `agencies` ADD `allow_community_admin_claim` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `apps` ADD `vk_secret_ciphertext` text;--> statement-breakpoint
ALTER TABLE `apps` ADD `vk_service_token_ciphertext` text;--> statement-breakpoint
ALTER TABLE `brands` ADD `disabled_at` integer;--> statement-breakpoint
ALTER TABLE `communities` ADD `token_ciphertext` text;--> statement-breakpoint
ALTER TABLE `promo_rewards` ADD `per_user_limit` integer DEFAULT 1 NOT NULL;