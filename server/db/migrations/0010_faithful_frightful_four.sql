CREATE TABLE `invitations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`token_hash` text NOT NULL,
	`agency_id` integer NOT NULL,
	`brand_id` integer,
	`role` text NOT NULL,
	`sections` text NOT NULL,
	`platform` text NOT NULL,
	`platform_user_id` text,
	`expires_at` integer NOT NULL,
	`created_by_platform` text NOT NULL,
	`created_by_user_id` text NOT NULL,
	`used_at` integer,
	`used_by_user_id` text,
	`revoked_at` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`agency_id`) REFERENCES `agencies`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`brand_id`) REFERENCES `brands`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `invitations_token_idx` ON `invitations` (`token_hash`);--> statement-breakpoint
CREATE INDEX `invitations_agency_idx` ON `invitations` (`agency_id`);--> statement-breakpoint
ALTER TABLE `agencies` ADD `allow_community_admin_claim` integer DEFAULT false NOT NULL;