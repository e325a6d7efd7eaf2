-- 我发起的's overdue filter on the instance's own row (docs/lists.md § How each list stays fast):
-- `instances.late_at`, the earliest deadline of its open tasks (null: none), like the copies of
-- 0013 on done_items and copies. Hand-written and unknown to the drizzle schema, like
-- `search_text` (0010): no record carries it; the command's own write (write-commands.ts, its
-- `listed` part) sets it on the instance row it writes, and certflow_lists_backfill() fills it.
ALTER TABLE "instances" ADD COLUMN "late_at" timestamp (3) with time zone;--> statement-breakpoint
UPDATE "instances" i SET "late_at" = l.late_at
  FROM (SELECT instance_id, min(due_at) AS late_at FROM tasks WHERE status = 'open'
    GROUP BY instance_id) l
  WHERE l.instance_id = i.id AND l.late_at IS NOT NULL;--> statement-breakpoint
-- 我发起的 walks the applicant's instances in this index only: late_at joins its INCLUDE columns.
DROP INDEX "instances_started_idx";--> statement-breakpoint
CREATE INDEX "instances_started_idx" ON "instances" ("submitter_id", "created_at" DESC NULLS LAST, "id")
  INCLUDE ("flow_id", "status", "college", "late_at", "search_text");--> statement-breakpoint
-- The backfill of 0013, and the instances' own late_at first (the others copy it).
CREATE OR REPLACE FUNCTION certflow_lists_backfill() RETURNS void LANGUAGE sql AS $$
  UPDATE instances i SET late_at = l.late_at
    FROM instances x LEFT JOIN (SELECT instance_id, min(due_at) AS late_at FROM tasks
      WHERE status = 'open' GROUP BY instance_id) l ON l.instance_id = x.id
    WHERE x.id = i.id AND i.late_at IS DISTINCT FROM l.late_at;
  UPDATE tasks t SET instance_college = i.college, search_text = left(coalesce(i.search_text, ''), 400)
    FROM instances i WHERE i.id = t.instance_id;
  UPDATE copies c SET status = i.status, college = i.college,
      search_text = left(coalesce(i.search_text, ''), 400), late_at = i.late_at
    FROM instances i WHERE i.id = c.instance_id;
  DELETE FROM done_items;
  INSERT INTO done_items (instance_id, seq, actor_id, event, at, flow_id, status, college, late_at,
      search_text)
    SELECT h.instance_id, h.seq, h.actor_id, h.event, h.at, i.flow_id, i.status, i.college,
      i.late_at, left(coalesce(i.search_text, ''), 400)
    FROM history h JOIN instances i ON i.id = h.instance_id
    WHERE h.event NOT IN ('START', 'COMMENT', 'CC', 'URGE', 'RECOMPUTE_DEADLINES');
$$;
