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
ALTER TABLE `participants` ADD `is_tester` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `promo_code_pools` ADD `sandbox` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `promo_code_pools` ADD `sandbox_of` integer;