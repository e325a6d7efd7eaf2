CREATE TABLE "copies" (
	"id" text PRIMARY KEY NOT NULL,
	"instance_id" text NOT NULL,
	"seq" integer NOT NULL,
	"person_id" text NOT NULL,
	"from_id" text NOT NULL,
	"flow_id" text NOT NULL,
	"created_at" timestamp (3) with time zone NOT NULL,
	"read_at" timestamp (3) with time zone
);
--> statement-breakpoint
ALTER TABLE "instances" ADD COLUMN "decisions" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "instances" ADD COLUMN "steps" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "instances" ADD COLUMN "undo" jsonb;--> statement-breakpoint
ALTER TABLE "tasks" ADD COLUMN "delegated_to" text;--> statement-breakpoint
CREATE INDEX "copies_person_idx" ON "copies" USING btree ("person_id","created_at" DESC NULLS LAST,"id");--> statement-breakpoint
CREATE INDEX "copies_person_unread_idx" ON "copies" USING btree ("person_id","created_at" DESC NULLS LAST,"id") WHERE "copies"."read_at" is null;--> statement-breakpoint
CREATE INDEX "copies_instance_idx" ON "copies" USING btree ("instance_id");