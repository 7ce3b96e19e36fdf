CREATE TABLE `promo_code_pools` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`campaign_id` integer NOT NULL,
	`key` text NOT NULL,
	`name` text NOT NULL,
	`purpose` text DEFAULT 'reward' NOT NULL,
	`low_stock_threshold` integer DEFAULT 20 NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`campaign_id`) REFERENCES `campaigns`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `promo_code_pools_campaign_key_idx` ON `promo_code_pools` (`campaign_id`,`key`);--> statement-breakpoint
CREATE TABLE `promo_grants` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`campaign_id` integer NOT NULL,
	`participant_id` integer NOT NULL,
	`reward_id` integer NOT NULL,
	`pool_code_id` integer,
	`code` text,
	`day` text NOT NULL,
	`source` text NOT NULL,
	`issued_at` integer NOT NULL,
	FOREIGN KEY (`campaign_id`) REFERENCES `campaigns`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`participant_id`) REFERENCES `participants`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`reward_id`) REFERENCES `promo_rewards`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`pool_code_id`) REFERENCES `promo_pool_codes`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `promo_grants_once_idx` ON `promo_grants` (`participant_id`,`reward_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `promo_grants_code_idx` ON `promo_grants` (`pool_code_id`);--> statement-breakpoint
CREATE INDEX `promo_grants_reward_day_idx` ON `promo_grants` (`reward_id`,`day`);--> statement-breakpoint
CREATE TABLE `promo_pool_codes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`pool_id` integer NOT NULL,
	`code` text NOT NULL,
	`participant_id` integer,
	`used_at` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`pool_id`) REFERENCES `promo_code_pools`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`participant_id`) REFERENCES `participants`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `promo_pool_codes_code_idx` ON `promo_pool_codes` (`pool_id`,`code`);--> statement-breakpoint
CREATE INDEX `promo_pool_codes_free_idx` ON `promo_pool_codes` (`pool_id`,`used_at`);--> statement-breakpoint
CREATE TABLE `promo_quiz_results` (
	`participant_id` integer PRIMARY KEY NOT NULL,
	`answers` text NOT NULL,
	`score` integer NOT NULL,
	`max_score` integer NOT NULL,
	`band` text NOT NULL,
	`finished_at` integer NOT NULL,
	FOREIGN KEY (`participant_id`) REFERENCES `participants`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `promo_rewards` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`campaign_id` integer NOT NULL,
	`key` text NOT NULL,
	`title` text NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`how_to_use` text DEFAULT '' NOT NULL,
	`position` integer DEFAULT 0 NOT NULL,
	`pool_id` integer,
	`stock` integer,
	`daily_cap` integer,
	`weight` integer DEFAULT 0 NOT NULL,
	`requires_server_verified` integer DEFAULT false NOT NULL,
	`unlock` text DEFAULT '{}' NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`campaign_id`) REFERENCES `campaigns`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`pool_id`) REFERENCES `promo_code_pools`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `promo_rewards_campaign_key_idx` ON `promo_rewards` (`campaign_id`,`key`);--> statement-breakpoint
CREATE TABLE `promo_task_completions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`participant_id` integer NOT NULL,
	`task_id` integer NOT NULL,
	`status` text NOT NULL,
	`level` text,
	`failure` text,
	`consent_key` text,
	`started_at` integer NOT NULL,
	`done_at` integer,
	`detail` text DEFAULT '{}' NOT NULL,
	FOREIGN KEY (`participant_id`) REFERENCES `participants`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`task_id`) REFERENCES `promo_tasks`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `promo_task_completions_once_idx` ON `promo_task_completions` (`participant_id`,`task_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `promo_task_completions_key_idx` ON `promo_task_completions` (`consent_key`);--> statement-breakpoint
CREATE TABLE `promo_tasks` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`campaign_id` integer NOT NULL,
	`key` text NOT NULL,
	`kind` text NOT NULL,
	`title` text NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`position` integer DEFAULT 0 NOT NULL,
	`config` text DEFAULT '{}' NOT NULL,
	`attempts_granted` integer DEFAULT 0 NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`campaign_id`) REFERENCES `campaigns`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `promo_tasks_campaign_key_idx` ON `promo_tasks` (`campaign_id`,`key`);--> statement-breakpoint
CREATE TABLE `promo_wheel_attempts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`participant_id` integer NOT NULL,
	`day` text NOT NULL,
	`kind` text NOT NULL,
	`reward_id` integer,
	`loss_reason` text,
	`at` integer NOT NULL,
	FOREIGN KEY (`participant_id`) REFERENCES `participants`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`reward_id`) REFERENCES `promo_rewards`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `promo_wheel_attempts_participant_day_idx` ON `promo_wheel_attempts` (`participant_id`,`day`);