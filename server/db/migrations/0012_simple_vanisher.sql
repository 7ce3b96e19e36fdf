CREATE TABLE `campaign_revisions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`campaign_id` integer NOT NULL,
	`number` integer NOT NULL,
	`document` text NOT NULL,
	`created_by_platform` text NOT NULL,
	`created_by_user_id` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`campaign_id`) REFERENCES `campaigns`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `campaign_revisions_number_idx` ON `campaign_revisions` (`campaign_id`,`number`);--> statement-breakpoint
CREATE TABLE `draw_picks` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`draw_id` integer NOT NULL,
	`position` integer NOT NULL,
	`counter` integer NOT NULL,
	`entry_index` integer NOT NULL,
	`participant_id` integer NOT NULL,
	`role` text NOT NULL,
	`replaces_pick_id` integer,
	`replaced_at` integer,
	`replaced_reason` text,
	`replaced_by_platform` text,
	`replaced_by_user_id` text,
	`verification` text,
	`announced_at` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`draw_id`) REFERENCES `draws`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`participant_id`) REFERENCES `participants`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `draw_picks_entry_idx` ON `draw_picks` (`draw_id`,`entry_index`);--> statement-breakpoint
CREATE UNIQUE INDEX `draw_picks_position_idx` ON `draw_picks` (`draw_id`,`position`);--> statement-breakpoint
CREATE INDEX `draw_picks_participant_idx` ON `draw_picks` (`participant_id`);--> statement-breakpoint
CREATE TABLE `draws` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`campaign_id` integer NOT NULL,
	`algorithm` text NOT NULL,
	`seed` text NOT NULL,
	`commitment` text NOT NULL,
	`committed_at` integer NOT NULL,
	`drawn_at` integer,
	`drawn_by_platform` text,
	`drawn_by_user_id` text,
	`entries` text,
	`entries_hash` text,
	`next_counter` integer DEFAULT 0 NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`campaign_id`) REFERENCES `campaigns`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `draws_campaign_idx` ON `draws` (`campaign_id`);--> statement-breakpoint
ALTER TABLE `promo_rewards` ADD `removed_at` integer;--> statement-breakpoint
ALTER TABLE `promo_tasks` ADD `removed_at` integer;