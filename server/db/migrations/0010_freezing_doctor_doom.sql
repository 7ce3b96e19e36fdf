CREATE TABLE `rate_limit_buckets` (
	`bucket` text NOT NULL,
	`subject` text NOT NULL,
	`full_at` integer NOT NULL,
	PRIMARY KEY(`bucket`, `subject`)
);
--> statement-breakpoint
CREATE INDEX `rate_limit_buckets_full_at_idx` ON `rate_limit_buckets` (`full_at`);