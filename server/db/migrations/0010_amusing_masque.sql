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
ALTER TABLE `promo_rewards` ADD `removed_at` integer;--> statement-breakpoint
ALTER TABLE `promo_tasks` ADD `removed_at` integer;