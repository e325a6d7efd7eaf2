-- The change feed's rows are written by the command's own write statement (write-commands.ts,
-- its `fed` part) instead of row triggers on `history` and `tasks` (0012). The triggers ran
-- their statements through EXECUTE format(…), planned anew on every call: three calls and up
-- to seven planned statements per send, about a third of the write statement's time. The rows
-- and their order are the same (docs/http-api.md § Change feed).
DROP TRIGGER "history_feed" ON "history";--> statement-breakpoint
DROP TRIGGER "tasks_feed_created" ON "tasks";--> statement-breakpoint
DROP TRIGGER "tasks_feed_decided" ON "tasks";--> statement-breakpoint
DROP FUNCTION "certflow_feed_history"();--> statement-breakpoint
DROP FUNCTION "certflow_feed_task"();
