-- VK's event_id is unique within its community only: the journal is keyed by (community, event_id).
ALTER TABLE "callback_events" DROP CONSTRAINT "callback_events_pkey";--> statement-breakpoint
ALTER TABLE "callback_events" ADD CONSTRAINT "callback_events_vk_group_id_event_id_pk" PRIMARY KEY("vk_group_id","event_id");
