ALTER TABLE `broadcasts` ADD `texts` text DEFAULT '{}' NOT NULL;--> statement-breakpoint
ALTER TABLE `message_rules` ADD `segment` text DEFAULT '{}' NOT NULL;