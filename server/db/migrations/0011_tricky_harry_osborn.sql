CREATE TABLE `calculators` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`campaign_id` integer NOT NULL,
	`config` text NOT NULL,
	`webhook_url` text,
	`webhook_secret_ciphertext` text,
	`updated_at` integer NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`campaign_id`) REFERENCES `campaigns`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `calculators_campaign_idx` ON `calculators` (`campaign_id`);--> statement-breakpoint
CREATE TABLE `lead_deliveries` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`lead_id` integer NOT NULL,
	`status` text DEFAULT 'pending' NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_attempt_at` integer NOT NULL,
	`last_error` text,
	`delivered_at` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`lead_id`) REFERENCES `leads`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `lead_deliveries_lead_idx` ON `lead_deliveries` (`lead_id`);--> statement-breakpoint
CREATE INDEX `lead_deliveries_due_idx` ON `lead_deliveries` (`status`,`next_attempt_at`);--> statement-breakpoint
CREATE TABLE `lead_delivery_attempts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`lead_id` integer NOT NULL,
	`attempt` integer NOT NULL,
	`started_at` integer NOT NULL,
	`finished_at` integer NOT NULL,
	`outcome` text NOT NULL,
	`http_status` integer,
	`error` text,
	FOREIGN KEY (`lead_id`) REFERENCES `leads`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `lead_delivery_attempts_lead_idx` ON `lead_delivery_attempts` (`lead_id`,`id`);--> statement-breakpoint
CREATE TABLE `leads` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`key` text NOT NULL,
	`campaign_id` integer NOT NULL,
	`participant_id` integer NOT NULL,
	`name` text NOT NULL,
	`phone` text,
	`phone_verified` integer DEFAULT false NOT NULL,
	`email` text,
	`email_verified` integer DEFAULT false NOT NULL,
	`calculation` text NOT NULL,
	`consent_at` integer NOT NULL,
	`consent_version` text NOT NULL,
	`consent_text` text NOT NULL,
	`policy_url` text NOT NULL,
	`status` text DEFAULT 'new' NOT NULL,
	`status_changed_at` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`campaign_id`) REFERENCES `campaigns`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`participant_id`) REFERENCES `participants`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `leads_key_idx` ON `leads` (`key`);--> statement-breakpoint
CREATE UNIQUE INDEX `leads_participant_idx` ON `leads` (`campaign_id`,`participant_id`);--> statement-breakpoint
CREATE INDEX `leads_campaign_created_idx` ON `leads` (`campaign_id`,`id`);--> statement-breakpoint
CREATE TABLE `draw_exclusions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`campaign_id` integer NOT NULL,
	`participant_id` integer NOT NULL,
	`reason` text NOT NULL,
	`by_platform` text NOT NULL,
	`by_user_id` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`campaign_id`) REFERENCES `campaigns`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`participant_id`) REFERENCES `participants`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `draw_exclusions_participant_idx` ON `draw_exclusions` (`campaign_id`,`participant_id`);--> statement-breakpoint
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
ALTER TABLE `office_audit` ADD `agency_id` integer REFERENCES agencies(id);--> statement-breakpoint
CREATE INDEX `office_audit_agency_at_idx` ON `office_audit` (`agency_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `telemetry_events_campaign_kind_at_idx` ON `telemetry_events` (`campaign_id`,`kind`,`at`);