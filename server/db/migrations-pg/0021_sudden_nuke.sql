ALTER TABLE "communities" ADD COLUMN "callback_secret_ciphertext" text;--> statement-breakpoint
ALTER TABLE "communities" ADD COLUMN "callback_confirmation" text;