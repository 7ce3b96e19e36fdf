CREATE TABLE "leases" (
	"name" text PRIMARY KEY NOT NULL,
	"holder" text,
	"fence" integer NOT NULL,
	"beat" integer NOT NULL,
	"lease_ms" integer NOT NULL,
	"renewed_at" bigint NOT NULL
);
