DROP INDEX "tasks_inbox_school_idx";--> statement-breakpoint
ALTER TABLE "instances" ADD COLUMN "organization" text;--> statement-breakpoint
ALTER TABLE "instances" ADD COLUMN "ref_keys" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "reference_data" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "tasks" ADD COLUMN "organization" text;--> statement-breakpoint
ALTER TABLE "tasks" ADD COLUMN "due_basis" jsonb;--> statement-breakpoint
ALTER TABLE "timers" ADD COLUMN "due_basis" jsonb;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "organization" text;--> statement-breakpoint
CREATE INDEX "tasks_inbox_organization_idx" ON "tasks" USING btree ("role","organization","due_at","created_at","id") WHERE "tasks"."status" = 'open' and "tasks"."assignee" is null and "tasks"."organization" is not null;--> statement-breakpoint
CREATE INDEX "tasks_inbox_school_idx" ON "tasks" USING btree ("role","due_at","created_at","id") WHERE "tasks"."status" = 'open' and "tasks"."assignee" is null and "tasks"."college" is null and "tasks"."organization" is null;