ALTER TABLE "broadcasts" ADD COLUMN "texts" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "message_rules" ADD COLUMN "segment" jsonb DEFAULT '{}'::jsonb NOT NULL;