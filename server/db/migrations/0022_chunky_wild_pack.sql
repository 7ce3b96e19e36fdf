ALTER TABLE `campaigns` ADD `client_key` text;--> statement-breakpoint
ALTER TABLE `campaigns` ADD `created_from` text;--> statement-breakpoint
CREATE UNIQUE INDEX `campaigns_client_key_idx` ON `campaigns` (`brand_id`,`client_key`);