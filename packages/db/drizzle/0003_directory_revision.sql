CREATE TABLE "directory_revision" (
	"id" boolean PRIMARY KEY DEFAULT true NOT NULL,
	"revision" bigint NOT NULL
);
--> statement-breakpoint
-- Hand-written (drizzle-kit does not model triggers): every statement that changes `users`
-- stamps the revision with its transaction id, so no two states of the directory share one.
-- The table is found next to `users` (TG_TABLE_SCHEMA), whatever the writer's search_path.
CREATE FUNCTION "certflow_directory_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE format(
    'INSERT INTO %I.directory_revision (id, revision) VALUES (true, pg_current_xact_id()::text::bigint)'
    ' ON CONFLICT (id) DO UPDATE SET revision = excluded.revision',
    TG_TABLE_SCHEMA);
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE TRIGGER "users_directory_revision" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "users"
  FOR EACH STATEMENT EXECUTE FUNCTION "certflow_directory_changed"();--> statement-breakpoint
INSERT INTO "directory_revision" ("id", "revision") VALUES (true, pg_current_xact_id()::text::bigint);
