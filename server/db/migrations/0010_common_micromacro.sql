CREATE TABLE `telemetry_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`campaign_id` integer NOT NULL,
	`participant_id` integer NOT NULL,
	`platform` text NOT NULL,
	`kind` text NOT NULL,
	`at` integer NOT NULL,
	`screen` text DEFAULT '' NOT NULL,
	`build` text,
	`message` text,
	FOREIGN KEY (`campaign_id`) REFERENCES `campaigns`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`participant_id`) REFERENCES `participants`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `telemetry_events_campaign_at_idx` ON `telemetry_events` (`campaign_id`,`at`);