CREATE TABLE `telemetry_sessions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`campaign_id` integer NOT NULL,
	`participant_id` integer NOT NULL,
	`platform` text NOT NULL,
	`start_at` integer NOT NULL,
	`end_at` integer NOT NULL,
	`last_screen` text DEFAULT '' NOT NULL,
	`screen_views` integer DEFAULT 0 NOT NULL,
	`errors` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`campaign_id`) REFERENCES `campaigns`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`participant_id`) REFERENCES `participants`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `telemetry_sessions_campaign_start_idx` ON `telemetry_sessions` (`campaign_id`,`start_at`);--> statement-breakpoint
CREATE INDEX `telemetry_sessions_campaign_end_idx` ON `telemetry_sessions` (`campaign_id`,`end_at`,`start_at`);--> statement-breakpoint
CREATE INDEX `telemetry_sessions_participant_end_idx` ON `telemetry_sessions` (`participant_id`,`end_at`);--> statement-breakpoint
CREATE INDEX `telemetry_events_campaign_kind_at_idx` ON `telemetry_events` (`campaign_id`,`kind`,`at`);