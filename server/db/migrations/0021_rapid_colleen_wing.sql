ALTER TABLE `broadcasts` ADD `client_key` text;--> statement-breakpoint
CREATE UNIQUE INDEX `broadcasts_client_key_idx` ON `broadcasts` (`campaign_id`,`client_key`);