ALTER TABLE "agencies" ADD COLUMN "logo_url" text;--> statement-breakpoint
ALTER TABLE "agencies" ADD COLUMN "accent" text;--> statement-breakpoint
ALTER TABLE "apps" ADD COLUMN "vk_secret_ciphertext" text;--> statement-breakpoint
ALTER TABLE "apps" ADD COLUMN "vk_service_token_ciphertext" text;--> statement-breakpoint
ALTER TABLE "brands" ADD COLUMN "disabled_at" bigint;--> statement-breakpoint
ALTER TABLE "communities" ADD COLUMN "token_ciphertext" text;