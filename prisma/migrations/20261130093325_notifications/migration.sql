-- CreateTable
CREATE TABLE "notifications" (
    "id" SERIAL NOT NULL,
    "user_id" INTEGER NOT NULL,
    "kind" VARCHAR(60) NOT NULL,
    "event_key" VARCHAR(200) NOT NULL,
    "model" VARCHAR(60),
    "record_id" INTEGER,
    "message_key" VARCHAR(80) NOT NULL,
    "values" JSONB NOT NULL DEFAULT '{}',
    "read_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "notifications_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "notification_preferences" (
    "id" SERIAL NOT NULL,
    "user_id" INTEGER NOT NULL,
    "kind" VARCHAR(60) NOT NULL,
    "channel" VARCHAR(10) NOT NULL,
    "enabled" BOOLEAN NOT NULL,

    CONSTRAINT "notification_preferences_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "notification_contacts" (
    "id" SERIAL NOT NULL,
    "user_id" INTEGER NOT NULL,
    "telegram_chat_id" VARCHAR(64),

    CONSTRAINT "notification_contacts_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "notification_deliveries" (
    "id" SERIAL NOT NULL,
    "notification_id" INTEGER NOT NULL,
    "event_key" VARCHAR(200) NOT NULL,
    "user_id" INTEGER NOT NULL,
    "channel" VARCHAR(10) NOT NULL,
    "state" VARCHAR(10) NOT NULL DEFAULT 'PENDING',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "last_error" TEXT,
    "sent_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "notification_deliveries_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "notifications_user_id_created_at_idx" ON "notifications"("user_id", "created_at");

-- CreateIndex
CREATE INDEX "notifications_created_at_idx" ON "notifications"("created_at");

-- CreateIndex
CREATE UNIQUE INDEX "notifications_event_key_user_id_key" ON "notifications"("event_key", "user_id");

-- CreateIndex
CREATE UNIQUE INDEX "notification_preferences_user_id_kind_channel_key" ON "notification_preferences"("user_id", "kind", "channel");

-- CreateIndex
CREATE UNIQUE INDEX "notification_contacts_user_id_key" ON "notification_contacts"("user_id");

-- CreateIndex
CREATE INDEX "notification_deliveries_state_id_idx" ON "notification_deliveries"("state", "id");

-- CreateIndex
CREATE INDEX "notification_deliveries_notification_id_idx" ON "notification_deliveries"("notification_id");

-- CreateIndex
CREATE UNIQUE INDEX "notification_deliveries_event_key_user_id_channel_key" ON "notification_deliveries"("event_key", "user_id", "channel");

-- AddForeignKey
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "notification_preferences" ADD CONSTRAINT "notification_preferences_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "notification_contacts" ADD CONSTRAINT "notification_contacts_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "notification_deliveries" ADD CONSTRAINT "notification_deliveries_notification_id_fkey" FOREIGN KEY ("notification_id") REFERENCES "notifications"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- ---------------------------------------------------------------------------------------------------
-- Written by hand (issue 18)
-- ---------------------------------------------------------------------------------------------------

ALTER TABLE "notification_preferences" ADD CONSTRAINT "notification_preferences_channel_check" CHECK ("channel" IN ('email', 'telegram', 'webhook'));
ALTER TABLE "notification_deliveries" ADD CONSTRAINT "notification_deliveries_channel_check" CHECK ("channel" IN ('email', 'telegram', 'webhook'));
ALTER TABLE "notification_deliveries" ADD CONSTRAINT "notification_deliveries_state_check" CHECK ("state" IN ('PENDING', 'QUEUED', 'SENT', 'SKIPPED', 'DEAD'));

-- The bell counts a person's unread notifications on every page and every live event.
CREATE INDEX "notifications_unread" ON "notifications" ("user_id") WHERE "read_at" IS NULL;

-- A person's choices are his own settings: recorded. Notifications and deliveries are a log (UNRECORDED_TABLES).
SELECT cmms_record_history_of(ARRAY['notification_preferences', 'notification_contacts']);

-- What the database itself starts wakes the notification dispatcher (jobs/notification-dispatcher.ts):
-- a condition request opened by the readings trigger, a signer named on a revision. Identical NOTIFYs
-- of one transaction are delivered once, so a 1 000-row insert wakes it once.
CREATE FUNCTION cmms_wake_notifications() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('cmms_outbox', 'database');
  RETURN NULL;
END $$;

CREATE TRIGGER work_requests_wake_notifications AFTER INSERT ON work_requests
  FOR EACH ROW WHEN (NEW.source = 'CONDITION') EXECUTE FUNCTION cmms_wake_notifications();
CREATE TRIGGER revision_signers_wake_notifications AFTER INSERT ON revision_signers
  FOR EACH ROW EXECUTE FUNCTION cmms_wake_notifications();

-- Live pages: a statement that changes rows of a watched table raises one NOTIFY on cmms_live with the
-- ids (up to 100; more: "many"), the model, the author's user id (0 for jobs and SQL) and a global event
-- number from cmms_live_events, which a reconnecting page resumes after (Last-Event-ID). The web
-- processes check each reader's row rules before passing an event on (admin/live/).
CREATE SEQUENCE cmms_live_events;

CREATE FUNCTION cmms_live_rows() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  ids int[];
  n int;
BEGIN
  IF TG_OP = 'DELETE' THEN
    SELECT array_agg(id ORDER BY id), count(*) INTO ids, n FROM (SELECT id FROM old_rows LIMIT 101) AS changed;
  ELSE
    SELECT array_agg(id ORDER BY id), count(*) INTO ids, n FROM (SELECT id FROM new_rows LIMIT 101) AS changed;
  END IF;
  IF n = 0 THEN RETURN NULL; END IF;
  PERFORM pg_notify('cmms_live', json_build_object(
    't', 'rows',
    'e', nextval('cmms_live_events'),
    'm', TG_ARGV[0],
    'ids', CASE WHEN n > 100 THEN '[]'::json ELSE to_json(ids) END,
    'many', n > 100,
    'by', coalesce(nullif(current_setting('cmms.actor_user_id', true), '')::int, 0))::text);
  RETURN NULL;
END $$;

CREATE TRIGGER work_orders_live_insert AFTER INSERT ON work_orders REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION cmms_live_rows('WorkOrder');
CREATE TRIGGER work_orders_live_update AFTER UPDATE ON work_orders REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION cmms_live_rows('WorkOrder');
CREATE TRIGGER work_orders_live_delete AFTER DELETE ON work_orders REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION cmms_live_rows('WorkOrder');
