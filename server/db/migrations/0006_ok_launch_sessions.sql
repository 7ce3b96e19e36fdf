CREATE TABLE `ok_launch_sessions` (
	`session_hash` text PRIMARY KEY NOT NULL,
	`first_seen_at` integer NOT NULL
);
