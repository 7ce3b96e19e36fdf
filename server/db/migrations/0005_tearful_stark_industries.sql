ALTER TABLE `campaigns` ADD `translations` text DEFAULT '{}' NOT NULL;--> statement-breakpoint
ALTER TABLE `promo_rewards` ADD `translations` text DEFAULT '{}' NOT NULL;--> statement-breakpoint
ALTER TABLE `promo_tasks` ADD `translations` text DEFAULT '{}' NOT NULL;