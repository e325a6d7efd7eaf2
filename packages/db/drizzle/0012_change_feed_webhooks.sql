CREATE TABLE "change_feed" (
	"xid" bigint NOT NULL,
	"instance_id" text NOT NULL,
	"rank" smallint NOT NULL,
	"item" text NOT NULL,
	"type" text NOT NULL,
	"seq" integer,
	"task_id" text,
	"flow_id" text NOT NULL,
	"college" text,
	"at" timestamp (3) with time zone NOT NULL,
	CONSTRAINT "change_feed_pk" PRIMARY KEY("xid","instance_id","rank","item")
);
--> statement-breakpoint
CREATE TABLE "webhook_deliveries" (
	"position" bigserial PRIMARY KEY NOT NULL,
	"subscription_id" text NOT NULL,
	"event_id" text NOT NULL,
	"event_type" text NOT NULL,
	"instance_id" text NOT NULL,
	"body" text NOT NULL,
	"status" text NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp (3) with time zone NOT NULL,
	"lease_until" timestamp (3) with time zone,
	"last_status" integer,
	"last_error" text,
	"log" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_at" timestamp (3) with time zone NOT NULL,
	"delivered_at" timestamp (3) with time zone
);
--> statement-breakpoint
CREATE TABLE "webhook_subscriptions" (
	"id" text PRIMARY KEY NOT NULL,
	"url" text NOT NULL,
	"secret" text NOT NULL,
	"description" text,
	"flows" jsonb NOT NULL,
	"types" jsonb NOT NULL,
	"active" boolean NOT NULL,
	"owner_id" text NOT NULL,
	"owner_email" text,
	"feed_cursor" text NOT NULL,
	"consecutive_failures" integer DEFAULT 0 NOT NULL,
	"disabled_at" timestamp (3) with time zone,
	"disabled_reason" text,
	"created_at" timestamp (3) with time zone NOT NULL,
	"updated_at" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX "change_feed_instance_idx" ON "change_feed" USING btree ("instance_id","rank");--> statement-breakpoint
CREATE UNIQUE INDEX "webhook_deliveries_event_idx" ON "webhook_deliveries" USING btree ("subscription_id","event_id");--> statement-breakpoint
CREATE INDEX "webhook_deliveries_pending_idx" ON "webhook_deliveries" USING btree ("subscription_id","instance_id","position") WHERE "webhook_deliveries"."status" = 'pending';--> statement-breakpoint
CREATE INDEX "webhook_deliveries_log_idx" ON "webhook_deliveries" USING btree ("subscription_id","position" DESC NULLS LAST);--> statement-breakpoint
-- Hand-written (drizzle-kit does not model triggers): the change feed's rows, written inside the
-- command's own transaction by triggers on `history` and `tasks`. AFTER ROW triggers run at the
-- end of the command's statement, so they see the instance row as that statement left it.
-- `xid` is the writing transaction's id: the feed is read in (xid, instance_id, rank, item)
-- order and only below pg_snapshot_xmin(pg_current_snapshot()) (docs/http-api.md § Change feed).
CREATE FUNCTION "certflow_feed_history"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  st text; fl text; col text;
  x bigint := pg_current_xact_id()::text::bigint;
BEGIN
  EXECUTE format('SELECT status, flow_id, college FROM %I.instances WHERE id = $1', TG_TABLE_SCHEMA)
    INTO st, fl, col USING NEW.instance_id;
  EXECUTE format(
    'INSERT INTO %I.change_feed (xid, instance_id, rank, item, type, seq, flow_id, college, at)'
    ' VALUES ($1, $2, 0, lpad($3::text, 10, ''0''), $4, $3, $5, $6, $7)', TG_TABLE_SCHEMA)
    USING x, NEW.instance_id, NEW.seq,
      CASE WHEN NEW.seq = 1 THEN 'instance.started' ELSE 'instance.updated' END,
      coalesce(fl, ''), col, NEW.at;
  IF st IS NOT NULL AND st <> 'active' THEN
    EXECUTE format(
      'INSERT INTO %I.change_feed (xid, instance_id, rank, item, type, seq, flow_id, college, at)'
      ' SELECT $1, $2, 3, '''', $4, $3, $5, $6, $7 WHERE NOT EXISTS (SELECT 1 FROM %I.change_feed'
      ' WHERE instance_id = $2 AND rank = 3)', TG_TABLE_SCHEMA, TG_TABLE_SCHEMA)
      USING x, NEW.instance_id, NEW.seq, 'instance.' || st, coalesce(fl, ''), col, NEW.at;
  END IF;
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE FUNCTION "certflow_feed_task"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  col text;
BEGIN
  EXECUTE format('SELECT college FROM %I.instances WHERE id = $1', TG_TABLE_SCHEMA)
    INTO col USING NEW.instance_id;
  EXECUTE format(
    'INSERT INTO %I.change_feed (xid, instance_id, rank, item, type, task_id, flow_id, college, at)'
    ' VALUES (pg_current_xact_id()::text::bigint, $1, $2, $3, $4, $3, $5, $6, $7)'
    ' ON CONFLICT DO NOTHING', TG_TABLE_SCHEMA)
    USING NEW.instance_id,
      CASE WHEN TG_OP = 'INSERT' THEN 2 ELSE 1 END,
      NEW.id,
      CASE WHEN TG_OP = 'INSERT' THEN 'task.created' ELSE 'task.decided' END,
      NEW.flow_id, col, coalesce(NEW.completed_at, NEW.created_at);
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE TRIGGER "history_feed" AFTER INSERT ON "history"
  FOR EACH ROW EXECUTE FUNCTION "certflow_feed_history"();--> statement-breakpoint
CREATE TRIGGER "tasks_feed_created" AFTER INSERT ON "tasks"
  FOR EACH ROW EXECUTE FUNCTION "certflow_feed_task"();--> statement-breakpoint
-- A task decided: closed as done by a person (a task closed because its state was left is
-- `cancelled` and no event).
CREATE TRIGGER "tasks_feed_decided" AFTER UPDATE OF "status" ON "tasks"
  FOR EACH ROW WHEN (OLD.status = 'open' AND NEW.status = 'done')
  EXECUTE FUNCTION "certflow_feed_task"();--> statement-breakpoint
-- Instances started before the feed existed: their history as it stands, in one old
-- transaction (xid 0), so a consumer from the start sees them first.
INSERT INTO "change_feed" (xid, instance_id, rank, item, type, seq, flow_id, college, at)
  SELECT 0, h.instance_id, 0, lpad(h.seq::text, 10, '0'),
    CASE WHEN h.seq = 1 THEN 'instance.started' ELSE 'instance.updated' END,
    h.seq, i.flow_id, i.college, h.at
  FROM "history" h JOIN "instances" i ON i.id = h.instance_id;
