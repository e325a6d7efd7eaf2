DROP INDEX "timers_instance_idx";--> statement-breakpoint
CREATE INDEX "tasks_open_instance_idx" ON "tasks" USING btree ("instance_id") WHERE "tasks"."status" = 'open';--> statement-breakpoint
CREATE INDEX "timers_pending_instance_idx" ON "timers" USING btree ("instance_id") WHERE (case when "timers"."status" = 'pending' then true else false end);