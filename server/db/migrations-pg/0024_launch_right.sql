-- Decision 116: putting a campaign on the air is the `launch` right of its own. Whoever holds `campaigns` today keeps
-- what they could do: each membership and each invitation not yet used or revoked that lists `campaigns` gains
-- `launch`, right after it (the order the office lists sections in). Section names are fixed words without quotes.
UPDATE "memberships" SET "sections" = replace("sections"::text, '"campaigns"', '"campaigns", "launch"')::jsonb WHERE "sections" @> '["campaigns"]'::jsonb AND NOT "sections" @> '["launch"]'::jsonb;--> statement-breakpoint
UPDATE "invitations" SET "sections" = replace("sections"::text, '"campaigns"', '"campaigns", "launch"')::jsonb WHERE "used_at" IS NULL AND "revoked_at" IS NULL AND "sections" @> '["campaigns"]'::jsonb AND NOT "sections" @> '["launch"]'::jsonb;
