ALTER TABLE `brands` ADD `client_key` text;--> statement-breakpoint
CREATE UNIQUE INDEX `brands_client_key_idx` ON `brands` (`agency_id`,`client_key`);