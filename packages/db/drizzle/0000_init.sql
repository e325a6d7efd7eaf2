CREATE TABLE "history" (
	"instance_id" text NOT NULL,
	"seq" integer NOT NULL,
	"actor_id" text NOT NULL,
	"actor_name" text,
	"event" text NOT NULL,
	"data" jsonb NOT NULL,
	"from_state" text,
	"to_state" text NOT NULL,
	"comment" text,
	"at" timestamp (3) with time zone NOT NULL,
	"prev_hash" text NOT NULL,
	"hash" text NOT NULL,
	CONSTRAINT "history_pk" PRIMARY KEY("instance_id","seq")
);
--> statement-breakpoint
CREATE TABLE "idempotency_keys" (
	"key" text PRIMARY KEY NOT NULL,
	"actor_id" text NOT NULL,
	"fingerprint" text NOT NULL,
	"instance_id" text NOT NULL,
	"result" jsonb NOT NULL,
	"created_at" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "instances" (
	"id" text PRIMARY KEY NOT NULL,
	"flow_id" text NOT NULL,
	"flow_version" integer NOT NULL,
	"state" text NOT NULL,
	"status" text NOT NULL,
	"version" integer NOT NULL,
	"snapshot" jsonb NOT NULL,
	"submitter_id" text NOT NULL,
	"college" text,
	"subject_id" text,
	"title" text NOT NULL,
	"step_actors" jsonb NOT NULL,
	"head_hash" text NOT NULL,
	"created_at" timestamp (3) with time zone NOT NULL,
	"updated_at" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "outbox" (
	"id" text PRIMARY KEY NOT NULL,
	"instance_id" text,
	"kind" text NOT NULL,
	"payload" jsonb NOT NULL,
	"status" text NOT NULL,
	"attempts" integer NOT NULL,
	"created_at" timestamp (3) with time zone NOT NULL,
	"available_at" timestamp (3) with time zone NOT NULL,
	"delivered_at" timestamp (3) with time zone,
	"last_error" text
);
--> statement-breakpoint
CREATE TABLE "reference_data" (
	"kind" text NOT NULL,
	"key" text NOT NULL,
	"value" jsonb NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reference_data_pk" PRIMARY KEY("kind","key")
);
--> statement-breakpoint
CREATE TABLE "tasks" (
	"id" text PRIMARY KEY NOT NULL,
	"instance_id" text NOT NULL,
	"flow_id" text NOT NULL,
	"state" text NOT NULL,
	"step" text NOT NULL,
	"kind" text NOT NULL,
	"role" text NOT NULL,
	"college" text,
	"assignee" text,
	"events" jsonb NOT NULL,
	"approval" boolean NOT NULL,
	"due_at" timestamp (3) with time zone,
	"status" text NOT NULL,
	"created_at" timestamp (3) with time zone NOT NULL,
	"completed_at" timestamp (3) with time zone,
	"completed_by" text
);
--> statement-breakpoint
CREATE TABLE "timers" (
	"id" text PRIMARY KEY NOT NULL,
	"instance_id" text NOT NULL,
	"task_id" text,
	"state" text NOT NULL,
	"kind" text NOT NULL,
	"event" text NOT NULL,
	"due_at" timestamp (3) with time zone NOT NULL,
	"status" text NOT NULL,
	"created_at" timestamp (3) with time zone NOT NULL,
	"fired_at" timestamp (3) with time zone
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"email" text NOT NULL,
	"roles" text[] NOT NULL,
	"college" text
);
--> statement-breakpoint
CREATE INDEX "instances_flow_status_idx" ON "instances" USING btree ("flow_id","status");--> statement-breakpoint
CREATE INDEX "instances_college_idx" ON "instances" USING btree ("college");--> statement-breakpoint
CREATE INDEX "instances_subject_idx" ON "instances" USING btree ("subject_id");--> statement-breakpoint
CREATE INDEX "instances_submitter_idx" ON "instances" USING btree ("submitter_id");--> statement-breakpoint
CREATE INDEX "outbox_pending_available_idx" ON "outbox" USING btree ("available_at") WHERE "outbox"."status" = 'pending';--> statement-breakpoint
CREATE INDEX "tasks_instance_idx" ON "tasks" USING btree ("instance_id");--> statement-breakpoint
CREATE INDEX "tasks_open_role_idx" ON "tasks" USING btree ("role","college","due_at") WHERE "tasks"."status" = 'open';--> statement-breakpoint
CREATE INDEX "tasks_open_assignee_idx" ON "tasks" USING btree ("assignee","due_at") WHERE "tasks"."status" = 'open';--> statement-breakpoint
CREATE INDEX "timers_instance_idx" ON "timers" USING btree ("instance_id");--> statement-breakpoint
CREATE INDEX "timers_pending_due_idx" ON "timers" USING btree ("due_at") WHERE "timers"."status" = 'pending';--> statement-breakpoint
CREATE INDEX "users_roles_idx" ON "users" USING gin ("roles");