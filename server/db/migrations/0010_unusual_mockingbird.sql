ALTER TABLE `agencies` ADD `logo_url` text;--> statement-breakpoint
ALTER TABLE `agencies` ADD `accent` text;--> statement-breakpoint
ALTER TABLE `apps` ADD `vk_secret_ciphertext` text;--> statement-breakpoint
ALTER TABLE `apps` ADD `vk_service_token_ciphertext` text;--> statement-breakpoint
ALTER TABLE `brands` ADD `disabled_at` integer;--> statement-breakpoint
ALTER TABLE `communities` ADD `token_ciphertext` text;