-- Keyword search (docs/lists.md). Hand-written and unknown to the drizzle schema on purpose: no
-- record or write carries `search_text`; the trigger keeps it.
ALTER TABLE "instances" ADD COLUMN "search_text" text;--> statement-breakpoint
-- A keyword is checked on each row of the list being walked (position() in search_text): every
-- list is one person's, bounded by its own index. pg_trgm was considered and is not used: it
-- indexes Chinese only from three characters on (a two-character name such as 张伟 gives no
-- trigram), and a text index cannot be intersected with a person's list anyway (docs/lists.md).
-- The title, the applicant's name, the certificate (name and code, wherever the flow keeps it)
-- and the college's name (reference data `college`), lower-cased, one space between.
CREATE FUNCTION certflow_search_text(
  title text, submitter_id text, college text, snapshot jsonb
) RETURNS text LANGUAGE sql STABLE AS $$
  SELECT lower(concat_ws(' ', title,
    (SELECT u.name FROM users u WHERE u.id = submitter_id),
    jsonb_path_query_first(snapshot, 'lax $.**.certificate.name') #>> '{}',
    jsonb_path_query_first(snapshot, 'lax $.**.certificate.code') #>> '{}',
    (SELECT d.value ->> 'name' FROM reference_data d WHERE d.kind = 'college' AND d.key = college)))
$$;--> statement-breakpoint
CREATE FUNCTION instances_search_fill() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.search_text := certflow_search_text(NEW.title, NEW.submitter_id, NEW.college, NEW.snapshot);
  RETURN NEW;
END
$$;--> statement-breakpoint
-- On insert, and on an update naming the title, applicant or college: a command's write sets
-- neither (write-commands.ts), so the hot path never runs it.
CREATE TRIGGER instances_search_fill BEFORE INSERT OR UPDATE OF title, submitter_id, college
  ON instances FOR EACH ROW EXECUTE FUNCTION instances_search_fill();--> statement-breakpoint
UPDATE instances SET title = title;--> statement-breakpoint
CREATE INDEX "history_decided_idx" ON "history" USING btree ("actor_id","at" DESC NULLS LAST,"instance_id","seq") WHERE "history"."event" not in ('START', 'COMMENT', 'CC', 'URGE', 'RECOMPUTE_DEADLINES');--> statement-breakpoint
CREATE INDEX "instances_started_idx" ON "instances" USING btree ("submitter_id","created_at" DESC NULLS LAST,"id");