ALTER TABLE "office_audit" ADD COLUMN "agency_id" integer;--> statement-breakpoint
ALTER TABLE "office_audit" ADD CONSTRAINT "office_audit_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "office_audit_agency_at_idx" ON "office_audit" USING btree ("agency_id","created_at");