-- Hand-written (drizzle-kit does not model triggers or jsonb_path_ops indexes).
-- 代理人: a person's substitutions are the reference row `substitution/<person id>`
-- ({"periods": [{"substituteId", "from", "to", "reason"?}]}). Who stands in for whom is part of
-- the directory a command resolves people from, so a change of such a row stamps the directory
-- revision like a change of `users` does (0003), and the directory cache loads again.
CREATE FUNCTION "certflow_substitution_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE format(
    'INSERT INTO %I.directory_revision (id, revision) VALUES (true, pg_current_xact_id()::text::bigint)'
    ' ON CONFLICT (id) DO UPDATE SET revision = excluded.revision',
    TG_TABLE_SCHEMA);
  RETURN NULL;
END
$$;--> statement-breakpoint
-- Only substitution rows call it (the WHEN is checked without calling the function): quota,
-- tally and ledger writes pay nothing.
CREATE TRIGGER "reference_data_substitution_written" AFTER INSERT OR UPDATE ON "reference_data"
  FOR EACH ROW WHEN (NEW.kind = 'substitution') EXECUTE FUNCTION "certflow_substitution_changed"();--> statement-breakpoint
CREATE TRIGGER "reference_data_substitution_deleted" AFTER DELETE ON "reference_data"
  FOR EACH ROW WHEN (OLD.kind = 'substitution') EXECUTE FUNCTION "certflow_substitution_changed"();--> statement-breakpoint
-- Whom a person stands in for: the rows whose periods name them (`value @> {"periods":[{"substituteId": …}]}`).
CREATE INDEX "reference_data_substitutes_idx" ON "reference_data" USING gin ("value" jsonb_path_ops)
  WHERE "kind" = 'substitution';
