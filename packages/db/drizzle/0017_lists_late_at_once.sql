-- The earliest open deadline (`late_at`, 0013) is kept once, on the instance (0015), not copied
-- into each 已办 and 抄送 row: it moves with nearly every step, so each write of an instance
-- rewrote all of its 已办 and 抄送 rows (each update a new index entry too, late_at being one of
-- the list index's columns). 已办 and 抄送我的 read it by key for their overdue filter
-- (docs/lists.md § How each list stays fast) — the copies' indexes carry `instance_id` for it, as
-- done_items_person_idx has it as a key; their status stays a copy (it changes once, when the
-- instance ends).
DROP INDEX "done_items_person_idx";--> statement-breakpoint
ALTER TABLE "done_items" DROP COLUMN "late_at";--> statement-breakpoint
CREATE INDEX "done_items_person_idx" ON "done_items" ("actor_id", "at" DESC NULLS LAST, "instance_id", "seq")
  INCLUDE ("flow_id", "status", "college", "search_text");--> statement-breakpoint
DROP INDEX "copies_person_idx";--> statement-breakpoint
DROP INDEX "copies_person_unread_idx";--> statement-breakpoint
ALTER TABLE "copies" DROP COLUMN "late_at";--> statement-breakpoint
CREATE INDEX "copies_person_idx" ON "copies" ("person_id", "created_at" DESC NULLS LAST, "id")
  INCLUDE ("instance_id", "flow_id", "status", "college", "read_at", "search_text");--> statement-breakpoint
CREATE INDEX "copies_person_unread_idx" ON "copies" ("person_id", "created_at" DESC NULLS LAST, "id")
  INCLUDE ("instance_id", "flow_id", "status", "college", "search_text") WHERE "read_at" IS NULL;--> statement-breakpoint
-- The backfill of 0013/0015 without the copies of late_at.
CREATE OR REPLACE FUNCTION certflow_lists_backfill() RETURNS void LANGUAGE sql AS $$
  UPDATE instances i SET late_at = l.late_at
    FROM instances x LEFT JOIN (SELECT instance_id, min(due_at) AS late_at FROM tasks
      WHERE status = 'open' GROUP BY instance_id) l ON l.instance_id = x.id
    WHERE x.id = i.id AND i.late_at IS DISTINCT FROM l.late_at;
  UPDATE tasks t SET instance_college = i.college, search_text = left(coalesce(i.search_text, ''), 400)
    FROM instances i WHERE i.id = t.instance_id;
  UPDATE copies c SET status = i.status, college = i.college,
      search_text = left(coalesce(i.search_text, ''), 400)
    FROM instances i WHERE i.id = c.instance_id;
  DELETE FROM done_items;
  INSERT INTO done_items (instance_id, seq, actor_id, event, at, flow_id, status, college,
      search_text)
    SELECT h.instance_id, h.seq, h.actor_id, h.event, h.at, i.flow_id, i.status, i.college,
      left(coalesce(i.search_text, ''), 400)
    FROM history h JOIN instances i ON i.id = h.instance_id
    WHERE h.event NOT IN ('START', 'COMMENT', 'CC', 'URGE', 'RECOMPUTE_DEADLINES');
$$;
