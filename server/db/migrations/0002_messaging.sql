CREATE TABLE `broadcasts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`campaign_id` integer NOT NULL,
	`name` text NOT NULL,
	`segment` text NOT NULL,
	`channel` text DEFAULT 'message' NOT NULL,
	`intent` text DEFAULT 'non_promo_newsletter' NOT NULL,
	`text` text NOT NULL,
	`fragment` text,
	`target_stage` text,
	`status` text DEFAULT 'scheduled' NOT NULL,
	`scheduled_at` integer NOT NULL,
	`enqueued_count` integer DEFAULT 0 NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`campaign_id`) REFERENCES `campaigns`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `broadcasts_due_idx` ON `broadcasts` (`status`,`scheduled_at`);--> statement-breakpoint
CREATE TABLE `callback_events` (
	`event_id` text PRIMARY KEY NOT NULL,
	`vk_group_id` integer NOT NULL,
	`type` text NOT NULL,
	`received_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `consents` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`vk_group_id` integer NOT NULL,
	`vk_user_id` integer NOT NULL,
	`channel` text NOT NULL,
	`allowed` integer NOT NULL,
	`source` text NOT NULL,
	`key` text,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `consents_user_idx` ON `consents` (`vk_group_id`,`vk_user_id`,`channel`);--> statement-breakpoint
CREATE TABLE `message_rules` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`campaign_id` integer NOT NULL,
	`name` text NOT NULL,
	`stage` text NOT NULL,
	`not_stage` text NOT NULL,
	`min_hours` integer NOT NULL,
	`max_hours` integer,
	`channel` text DEFAULT 'message' NOT NULL,
	`intent` text DEFAULT 'non_promo_newsletter' NOT NULL,
	`variants` text NOT NULL,
	`holdout_percent` integer DEFAULT 0 NOT NULL,
	`quiet_from_hour` integer DEFAULT 22 NOT NULL,
	`quiet_to_hour` integer DEFAULT 9 NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`campaign_id`) REFERENCES `campaigns`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `message_rules_campaign_idx` ON `message_rules` (`campaign_id`,`active`);--> statement-breakpoint
CREATE TABLE `messaging_settings` (
	`vk_group_id` integer PRIMARY KEY NOT NULL,
	`cap_count` integer DEFAULT 1 NOT NULL,
	`cap_hours` integer DEFAULT 24 NOT NULL
);
--> statement-breakpoint
CREATE TABLE `outbox` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`dedupe_key` text NOT NULL,
	`kind` text NOT NULL,
	`rule_id` integer,
	`broadcast_id` integer,
	`ticket_message_id` integer,
	`campaign_id` integer,
	`participant_id` integer,
	`vk_group_id` integer NOT NULL,
	`vk_user_id` integer NOT NULL,
	`channel` text NOT NULL,
	`variant` text,
	`text` text NOT NULL,
	`extras` text DEFAULT '{}' NOT NULL,
	`content_key` text NOT NULL,
	`random_id` integer NOT NULL,
	`status` text DEFAULT 'queued' NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_attempt_at` integer NOT NULL,
	`claimed_at` integer,
	`sent_at` integer,
	`vk_message_id` integer,
	`error_code` integer,
	`error_reason` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `outbox_dedupe_idx` ON `outbox` (`dedupe_key`);--> statement-breakpoint
CREATE UNIQUE INDEX `outbox_random_id_idx` ON `outbox` (`vk_group_id`,`channel`,`random_id`,`vk_user_id`);--> statement-breakpoint
CREATE INDEX `outbox_due_idx` ON `outbox` (`status`,`next_attempt_at`);--> statement-breakpoint
CREATE INDEX `outbox_rule_idx` ON `outbox` (`rule_id`,`status`);--> statement-breakpoint
CREATE INDEX `outbox_broadcast_idx` ON `outbox` (`broadcast_id`,`status`);--> statement-breakpoint
CREATE INDEX `outbox_user_idx` ON `outbox` (`vk_group_id`,`vk_user_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `ticket_messages` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`ticket_id` integer NOT NULL,
	`author` text NOT NULL,
	`author_id` text NOT NULL,
	`body` text NOT NULL,
	`via` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`ticket_id`) REFERENCES `tickets`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `ticket_messages_ticket_idx` ON `ticket_messages` (`ticket_id`,`id`);--> statement-breakpoint
CREATE TABLE `tickets` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`campaign_id` integer,
	`participant_id` integer,
	`vk_group_id` integer,
	`platform` text NOT NULL,
	`platform_user_id` text NOT NULL,
	`source` text NOT NULL,
	`subject` text NOT NULL,
	`status` text DEFAULT 'new' NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`campaign_id`) REFERENCES `campaigns`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`participant_id`) REFERENCES `participants`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `tickets_user_idx` ON `tickets` (`platform`,`platform_user_id`,`updated_at`);--> statement-breakpoint
CREATE INDEX `tickets_status_idx` ON `tickets` (`vk_group_id`,`status`,`updated_at`);