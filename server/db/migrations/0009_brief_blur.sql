CREATE TABLE `office_audit` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`brand_id` integer,
	`actor_platform` text NOT NULL,
	`actor_user_id` text NOT NULL,
	`section` text NOT NULL,
	`action` text NOT NULL,
	`entity` text NOT NULL,
	`entity_id` text NOT NULL,
	`before` text,
	`after` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`brand_id`) REFERENCES `brands`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `office_audit_brand_at_idx` ON `office_audit` (`brand_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `office_audit_entity_idx` ON `office_audit` (`entity`,`entity_id`);