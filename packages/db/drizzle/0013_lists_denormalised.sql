CREATE TABLE "done_items" (
	"instance_id" text NOT NULL,
	"seq" integer NOT NULL,
	"actor_id" text NOT NULL,
	"event" text NOT NULL,
	"at" timestamp (3) with time zone NOT NULL,
	"flow_id" text NOT NULL,
	"status" text NOT NULL,
	"college" text,
	"late_at" timestamp (3) with time zone,
	CONSTRAINT "done_items_pk" PRIMARY KEY("instance_id","seq")
);
--> statement-breakpoint
DROP INDEX "history_decided_idx";--> statement-breakpoint
-- The lists' filters on their own rows (docs/lists.md § How each list stays fast). Hand-written and
-- unknown to the drizzle schema, like `instances.search_text` (0010): no record carries them; the
-- command's own write (write-commands.ts) fills them on insert and keeps `status` and `late_at`
-- current. `search_text` here is the instance's (0010), cut to 400 characters so that it fits in
-- a btree tuple (a title is at most 200 characters).
ALTER TABLE "done_items" ADD COLUMN "search_text" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "tasks" ADD COLUMN "instance_college" text;--> statement-breakpoint
ALTER TABLE "tasks" ADD COLUMN "search_text" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "copies" ADD COLUMN "status" text;--> statement-breakpoint
ALTER TABLE "copies" ADD COLUMN "college" text;--> statement-breakpoint
ALTER TABLE "copies" ADD COLUMN "late_at" timestamp (3) with time zone;--> statement-breakpoint
ALTER TABLE "copies" ADD COLUMN "search_text" text DEFAULT '' NOT NULL;--> statement-breakpoint
-- 我发起的 walks the instances themselves: the search text is cut to 400 characters (a title is at
-- most 200) so that instances_started_idx can carry it.
CREATE OR REPLACE FUNCTION certflow_search_text(
  title text, submitter_id text, college text, snapshot jsonb
) RETURNS text LANGUAGE sql STABLE AS $$
  SELECT left(lower(concat_ws(' ', title,
    (SELECT u.name FROM users u WHERE u.id = submitter_id),
    jsonb_path_query_first(snapshot, 'lax $.**.certificate.name') #>> '{}',
    jsonb_path_query_first(snapshot, 'lax $.**.certificate.code') #>> '{}',
    (SELECT d.value ->> 'name' FROM reference_data d WHERE d.kind = 'college' AND d.key = college))), 400)
$$;--> statement-breakpoint
UPDATE "instances" SET "title" = "title" WHERE length("search_text") > 400;--> statement-breakpoint
-- Backfill from what is there: the list rows' copies of their instance's fields, set-based (the
-- earliest open deadline per instance once). Also what a bulk load calls after writing the tables
-- directly (bench/src/lists-scale.ts, lists-plan.int.test.ts); 已办 is rebuilt from the history.
CREATE FUNCTION certflow_lists_backfill() RETURNS void LANGUAGE sql AS $$
  UPDATE tasks t SET instance_college = i.college, search_text = left(coalesce(i.search_text, ''), 400)
    FROM instances i WHERE i.id = t.instance_id;
  UPDATE copies c SET status = i.status, college = i.college,
      search_text = left(coalesce(i.search_text, ''), 400), late_at = l.late_at
    FROM instances i LEFT JOIN (SELECT instance_id, min(due_at) AS late_at FROM tasks
      WHERE status = 'open' GROUP BY instance_id) l ON l.instance_id = i.id
    WHERE i.id = c.instance_id;
  DELETE FROM done_items;
  INSERT INTO done_items (instance_id, seq, actor_id, event, at, flow_id, status, college, late_at,
      search_text)
    SELECT h.instance_id, h.seq, h.actor_id, h.event, h.at, i.flow_id, i.status, i.college,
      l.late_at, left(coalesce(i.search_text, ''), 400)
    FROM history h JOIN instances i ON i.id = h.instance_id
    LEFT JOIN (SELECT instance_id, min(due_at) AS late_at FROM tasks
      WHERE status = 'open' GROUP BY instance_id) l ON l.instance_id = i.id
    WHERE h.event NOT IN ('START', 'COMMENT', 'CC', 'URGE', 'RECOMPUTE_DEADLINES');
$$;--> statement-breakpoint
SELECT certflow_lists_backfill();--> statement-breakpoint
-- Each list's index: the person, the list's order, and every filter as an INCLUDE column, so a
-- filtered page and its total are an index-only walk of that person's rows (no heap, no join).
-- The 待办 ones replace the inbox indexes of 0002/0005 under the same names and keys.
DROP INDEX "tasks_inbox_assignee_idx";--> statement-breakpoint
CREATE INDEX "tasks_inbox_assignee_idx" ON "tasks" ("assignee", "due_at" ASC NULLS LAST, "created_at", "id")
  INCLUDE ("flow_id", "instance_college", "search_text") WHERE "status" = 'open';--> statement-breakpoint
DROP INDEX "tasks_inbox_school_idx";--> statement-breakpoint
CREATE INDEX "tasks_inbox_school_idx" ON "tasks" ("role", "due_at" ASC NULLS LAST, "created_at", "id")
  INCLUDE ("flow_id", "instance_college", "search_text")
  WHERE "status" = 'open' AND "assignee" IS NULL AND "college" IS NULL AND "organization" IS NULL;--> statement-breakpoint
DROP INDEX "tasks_inbox_organization_idx";--> statement-breakpoint
CREATE INDEX "tasks_inbox_organization_idx" ON "tasks" ("role", "organization", "due_at" ASC NULLS LAST, "created_at", "id")
  INCLUDE ("flow_id", "instance_college", "search_text")
  WHERE "status" = 'open' AND "assignee" IS NULL AND "organization" IS NOT NULL;--> statement-breakpoint
DROP INDEX "tasks_inbox_college_idx";--> statement-breakpoint
CREATE INDEX "tasks_inbox_college_idx" ON "tasks" ("role", "college", "due_at" ASC NULLS LAST, "created_at", "id")
  INCLUDE ("flow_id", "instance_college", "search_text")
  WHERE "status" = 'open' AND "assignee" IS NULL AND "college" IS NOT NULL;--> statement-breakpoint
DROP INDEX "instances_started_idx";--> statement-breakpoint
CREATE INDEX "instances_started_idx" ON "instances" ("submitter_id", "created_at" DESC NULLS LAST, "id")
  INCLUDE ("flow_id", "status", "college", "search_text");--> statement-breakpoint
DROP INDEX "copies_person_idx";--> statement-breakpoint
CREATE INDEX "copies_person_idx" ON "copies" ("person_id", "created_at" DESC NULLS LAST, "id")
  INCLUDE ("flow_id", "status", "college", "late_at", "read_at", "search_text");--> statement-breakpoint
DROP INDEX "copies_person_unread_idx";--> statement-breakpoint
CREATE INDEX "copies_person_unread_idx" ON "copies" ("person_id", "created_at" DESC NULLS LAST, "id")
  INCLUDE ("flow_id", "status", "college", "late_at", "search_text") WHERE "read_at" IS NULL;--> statement-breakpoint
CREATE INDEX "done_items_person_idx" ON "done_items" ("actor_id", "at" DESC NULLS LAST, "instance_id", "seq")
  INCLUDE ("flow_id", "status", "college", "late_at", "search_text");--> statement-breakpoint
-- A rename (title, applicant, college: not a command's write, 0010) refreshes the list rows too.
CREATE FUNCTION instances_lists_refresh() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE tasks SET instance_college = NEW.college, search_text = left(coalesce(NEW.search_text, ''), 400)
    WHERE instance_id = NEW.id;
  UPDATE copies SET college = NEW.college, search_text = left(coalesce(NEW.search_text, ''), 400)
    WHERE instance_id = NEW.id;
  UPDATE done_items SET college = NEW.college, search_text = left(coalesce(NEW.search_text, ''), 400)
    WHERE instance_id = NEW.id;
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE TRIGGER instances_lists_refresh AFTER UPDATE OF title, submitter_id, college ON instances
  FOR EACH ROW WHEN (OLD.search_text IS DISTINCT FROM NEW.search_text OR OLD.college IS DISTINCT FROM NEW.college)
  EXECUTE FUNCTION instances_lists_refresh();
