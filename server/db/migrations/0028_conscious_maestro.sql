ALTER TABLE `communities` ADD `callback_secret_ciphertext` text;--> statement-breakpoint
ALTER TABLE `communities` ADD `callback_confirmation` text;