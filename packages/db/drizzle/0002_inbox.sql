DROP INDEX "tasks_open_role_idx";--> statement-breakpoint
DROP INDEX "tasks_open_assignee_idx";--> statement-breakpoint
CREATE INDEX "tasks_inbox_assignee_idx" ON "tasks" USING btree ("assignee","due_at","created_at","id") WHERE "tasks"."status" = 'open';--> statement-breakpoint
CREATE INDEX "tasks_inbox_school_idx" ON "tasks" USING btree ("role","due_at","created_at","id") WHERE "tasks"."status" = 'open' and "tasks"."assignee" is null and "tasks"."college" is null;--> statement-breakpoint
CREATE INDEX "tasks_inbox_college_idx" ON "tasks" USING btree ("role","college","due_at","created_at","id") WHERE "tasks"."status" = 'open' and "tasks"."assignee" is null and "tasks"."college" is not null;