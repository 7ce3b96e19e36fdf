ALTER TABLE `office_audit` ADD `agency_id` integer REFERENCES agencies(id);--> statement-breakpoint
CREATE INDEX `office_audit_agency_at_idx` ON `office_audit` (`agency_id`,`created_at`);