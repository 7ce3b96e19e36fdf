CREATE TABLE `participant_tags` (
	`participant_id` integer NOT NULL,
	`tag` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`participant_id`) REFERENCES `participants`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `participant_tags_unique_idx` ON `participant_tags` (`participant_id`,`tag`);--> statement-breakpoint
CREATE INDEX `participant_tags_tag_idx` ON `participant_tags` (`tag`,`participant_id`);--> statement-breakpoint
ALTER TABLE `broadcasts` ADD `quiet_from_hour` integer DEFAULT 22 NOT NULL;--> statement-breakpoint
ALTER TABLE `broadcasts` ADD `quiet_to_hour` integer DEFAULT 9 NOT NULL;--> statement-breakpoint
ALTER TABLE `broadcasts` ADD `ignore_quiet_hours` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `broadcasts` ADD `cancelled_at` integer;--> statement-breakpoint
ALTER TABLE `callback_events` ADD `status` text DEFAULT 'handled' NOT NULL;--> statement-breakpoint
ALTER TABLE `callback_events` ADD `payload` text;--> statement-breakpoint
ALTER TABLE `callback_events` ADD `attempts` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `callback_events` ADD `claimed_at` integer;--> statement-breakpoint
ALTER TABLE `callback_events` ADD `handled_at` integer;--> statement-breakpoint
ALTER TABLE `callback_events` ADD `last_error` text;--> statement-breakpoint
CREATE INDEX `callback_events_pending_idx` ON `callback_events` (`status`,`claimed_at`);--> statement-breakpoint
ALTER TABLE `ticket_messages` ADD `external_key` text;--> statement-breakpoint
CREATE UNIQUE INDEX `ticket_messages_external_idx` ON `ticket_messages` (`external_key`);