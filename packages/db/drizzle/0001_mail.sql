CREATE TABLE "mail_action_tokens" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"purpose" text NOT NULL,
	"kid" text NOT NULL,
	"task_id" text NOT NULL,
	"instance_id" text NOT NULL,
	"approver_id" text NOT NULL,
	"decision" text,
	"outbox_id" text NOT NULL,
	"expires_at" timestamp (3) with time zone NOT NULL,
	"created_at" timestamp (3) with time zone NOT NULL,
	"used_at" timestamp (3) with time zone,
	"outcome" text,
	"superseded_at" timestamp (3) with time zone
);
--> statement-breakpoint
CREATE TABLE "mail_inbound" (
	"message_id" text PRIMARY KEY NOT NULL,
	"from_address" text NOT NULL,
	"token_hash" text,
	"task_id" text,
	"status" text NOT NULL,
	"decision" text,
	"reason" text,
	"received_at" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "mail_messages" (
	"outbox_id" text PRIMARY KEY NOT NULL,
	"message_id" text NOT NULL,
	"instance_id" text,
	"task_id" text,
	"notification" text NOT NULL,
	"recipient_id" text,
	"recipient" text NOT NULL,
	"subject" text NOT NULL,
	"status" text NOT NULL,
	"attempts" integer NOT NULL,
	"last_error" text,
	"created_at" timestamp (3) with time zone NOT NULL,
	"sent_at" timestamp (3) with time zone
);
--> statement-breakpoint
CREATE INDEX "mail_action_tokens_task_idx" ON "mail_action_tokens" USING btree ("task_id");--> statement-breakpoint
CREATE INDEX "mail_inbound_task_idx" ON "mail_inbound" USING btree ("task_id");--> statement-breakpoint
CREATE UNIQUE INDEX "mail_messages_message_id_idx" ON "mail_messages" USING btree ("message_id");--> statement-breakpoint
CREATE INDEX "mail_messages_task_recipient_idx" ON "mail_messages" USING btree ("task_id","recipient_id") WHERE "mail_messages"."task_id" is not null;