CREATE UNIQUE INDEX `apps_ok_app_key_idx` ON `apps` (`ok_app_key`);--> statement-breakpoint
CREATE UNIQUE INDEX `apps_telegram_bot_idx` ON `apps` (`telegram_bot_id`);