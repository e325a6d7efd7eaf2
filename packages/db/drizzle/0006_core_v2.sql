CREATE TABLE "admin_audit" (
	"seq" bigint PRIMARY KEY NOT NULL,
	"at" timestamp (3) with time zone NOT NULL,
	"actor_id" text NOT NULL,
	"actor_name" text,
	"action" text NOT NULL,
	"subject" text NOT NULL,
	"data" jsonb NOT NULL,
	"prev_hash" text NOT NULL,
	"hash" text NOT NULL
);
--> statement-breakpoint
-- Idempotency keys become the caller's own: scoped to who sent them and what about. Keys stored
-- before were global; they keep working for the actor who used them.
ALTER TABLE "idempotency_keys" ADD COLUMN "scope" text;--> statement-breakpoint
-- A start's key (its result is the new instance at version 1) is looked up under the flow it
-- started, every other key under its instance.
UPDATE "idempotency_keys" SET "scope" = CASE
  WHEN "result"->>'version' = '1' THEN "actor_id" || '|start:' || ("result"->>'flow')
  ELSE "actor_id" || '|' || "instance_id" END;--> statement-breakpoint
ALTER TABLE "idempotency_keys" ALTER COLUMN "scope" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "idempotency_keys" DROP CONSTRAINT "idempotency_keys_pkey";--> statement-breakpoint
ALTER TABLE "idempotency_keys" ADD CONSTRAINT "idempotency_keys_pk" PRIMARY KEY("scope","key");--> statement-breakpoint
ALTER TABLE "tasks" ADD COLUMN "urged_at" timestamp (3) with time zone;--> statement-breakpoint
ALTER TABLE "timers" ADD COLUMN "lease_until" timestamp (3) with time zone;
