CREATE TABLE "rate_limit_buckets" (
	"bucket" text NOT NULL,
	"subject" text NOT NULL,
	"full_at" bigint NOT NULL,
	CONSTRAINT "rate_limit_buckets_bucket_subject_pk" PRIMARY KEY("bucket","subject")
);
--> statement-breakpoint
CREATE INDEX "rate_limit_buckets_full_at_idx" ON "rate_limit_buckets" USING btree ("full_at");