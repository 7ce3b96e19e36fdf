ALTER TABLE `canned_answers` ADD `client_key` text;--> statement-breakpoint
CREATE UNIQUE INDEX `canned_answers_client_key_idx` ON `canned_answers` (`brand_id`,`client_key`);