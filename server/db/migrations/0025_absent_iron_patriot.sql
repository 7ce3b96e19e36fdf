ALTER TABLE `message_rules` ADD `client_key` text;--> statement-breakpoint
CREATE UNIQUE INDEX `message_rules_client_key_idx` ON `message_rules` (`campaign_id`,`client_key`);--> statement-breakpoint
ALTER TABLE `kb_articles` ADD `client_key` text;--> statement-breakpoint
CREATE UNIQUE INDEX `kb_articles_client_key_idx` ON `kb_articles` (`brand_id`,`client_key`);