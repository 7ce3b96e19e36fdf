PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_callback_events` (
	`event_id` text NOT NULL,
	`vk_group_id` integer NOT NULL,
	`type` text NOT NULL,
	`received_at` integer NOT NULL,
	`status` text DEFAULT 'handled' NOT NULL,
	`payload` text,
	`attempts` integer DEFAULT 0 NOT NULL,
	`claimed_at` integer,
	`handled_at` integer,
	`last_error` text,
	PRIMARY KEY(`vk_group_id`, `event_id`)
);
--> statement-breakpoint
INSERT INTO `__new_callback_events`("event_id", "vk_group_id", "type", "received_at", "status", "payload", "attempts", "claimed_at", "handled_at", "last_error") SELECT "event_id", "vk_group_id", "type", "received_at", "status", "payload", "attempts", "claimed_at", "handled_at", "last_error" FROM `callback_events`;--> statement-breakpoint
DROP TABLE `callback_events`;--> statement-breakpoint
ALTER TABLE `__new_callback_events` RENAME TO `callback_events`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE INDEX `callback_events_pending_idx` ON `callback_events` (`status`,`claimed_at`);