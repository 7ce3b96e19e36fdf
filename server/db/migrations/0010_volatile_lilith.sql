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
ALTER TABLE `tickets` ADD `assignee_membership_id` integer;--> statement-breakpoint
ALTER TABLE `tickets` ADD `waiting_since` integer;