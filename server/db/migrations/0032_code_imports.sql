CREATE TABLE `promo_code_import_rows` (
	`import_id` text NOT NULL,
	`line` integer NOT NULL,
	`code` text NOT NULL,
	PRIMARY KEY(`import_id`, `line`)
);
--> statement-breakpoint
CREATE TABLE `promo_code_imports` (
	`seq` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`id` text NOT NULL,
	`campaign_id` integer NOT NULL,
	`pool_id` integer NOT NULL,
	`state` text NOT NULL,
	`progress` text NOT NULL,
	`result` text,
	`errors` text NOT NULL,
	`error_count` integer DEFAULT 0 NOT NULL,
	`duplicates` integer DEFAULT 0 NOT NULL,
	`started_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`finished_at` integer,
	FOREIGN KEY (`pool_id`) REFERENCES `promo_code_pools`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `promo_code_imports_id_idx` ON `promo_code_imports` (`id`);--> statement-breakpoint
CREATE UNIQUE INDEX `promo_code_imports_running_idx` ON `promo_code_imports` (`pool_id`) WHERE "promo_code_imports"."state" = 'running';--> statement-breakpoint
CREATE INDEX `promo_code_imports_pool_idx` ON `promo_code_imports` (`pool_id`,`seq`);