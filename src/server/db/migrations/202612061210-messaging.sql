-- Messaging (outbound e-mails and SMS): the outbox of 202611231400 becomes the messaging capability's.
-- A message has a unique key (scheduling it twice is a no-op), a send_after instant (reminders), its
-- attachments (an .ics invitation, a PDF letter) and a channel EMAIL or SMS. Messages are sent by jobs of
-- the job queue, pg-boss, whose tables (schema pgboss) are created below so that a job can be written in
-- any transaction from the first start. See ARCHITECTURE.md « Messages, job queue ».

ALTER TABLE outbound_messages
  ADD COLUMN message_key text,
  ADD COLUMN send_after timestamptz,
  ADD COLUMN attachments jsonb NOT NULL DEFAULT '[]'::jsonb CHECK (jsonb_typeof(attachments) = 'array'),
  ADD COLUMN claimed_at timestamptz;
UPDATE outbound_messages SET message_key = related_kind || ':' || related_id || ':' || id, send_after = created_at;
ALTER TABLE outbound_messages
  ALTER COLUMN message_key SET NOT NULL,
  ALTER COLUMN send_after SET NOT NULL,
  ADD CONSTRAINT outbound_messages_message_key_uq UNIQUE (message_key),
  DROP CONSTRAINT outbound_messages_channel_check,
  ADD CONSTRAINT outbound_messages_channel_check CHECK (channel IN ('EMAIL', 'SMS')),
  DROP CONSTRAINT outbound_messages_status_check,
  -- EN_COURS: claimed by a sender (claimed_at); ANNULE: cancelled before being sent
  ADD CONSTRAINT outbound_messages_status_check CHECK (status IN ('A_ENVOYER', 'EN_COURS', 'ENVOYE', 'ECHEC', 'ANNULE')),
  ADD CONSTRAINT outbound_messages_claimed CHECK ((status = 'EN_COURS') = (claimed_at IS NOT NULL));
DROP INDEX outbound_messages_pending_idx;
CREATE INDEX outbound_messages_pending_idx ON outbound_messages (send_after) WHERE status = 'A_ENVOYER';
CREATE INDEX outbound_messages_related_idx ON outbound_messages (related_kind, related_id);

-- Demo and test only: the e-mails caught by the bundled SMTP catcher and the SMS of the logging SMS
-- transport (never filled in production). Attachments: names, content types and sizes only.
CREATE TABLE demo_mailbox (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  channel text NOT NULL CHECK (channel IN ('EMAIL', 'SMS')),
  to_address text NOT NULL,
  subject text NOT NULL,
  body_text text NOT NULL,
  attachments jsonb NOT NULL DEFAULT '[]'::jsonb CHECK (jsonb_typeof(attachments) = 'array'),
  transport_id text NOT NULL,
  received_at timestamptz NOT NULL
);
CREATE INDEX demo_mailbox_received_idx ON demo_mailbox (received_at DESC, id DESC);

-- pg-boss 10 (schema version 24): its construction plan (PgBoss.getConstructionPlans('pgboss')), without
-- its own BEGIN/COMMIT since a migration is one transaction. pg-boss migrates this schema itself when
-- upgraded (it reads pgboss.version at start).
SET LOCAL lock_timeout = '30s';
    SET LOCAL idle_in_transaction_session_timeout = '30s';
    SELECT pg_advisory_xact_lock(
      ('x' || encode(sha224((current_database() || '.pgboss.pgboss')::bytea), 'hex'))::bit(64)::bigint
  );

    CREATE SCHEMA IF NOT EXISTS pgboss
  ;

    CREATE TYPE pgboss.job_state AS ENUM (
      'created',
      'retry',
      'active',
      'completed',
      'cancelled',
      'failed'
    )
  ;

    CREATE TABLE pgboss.version (
      version int primary key,
      maintained_on timestamp with time zone,
      cron_on timestamp with time zone,
      monitored_on timestamp with time zone
    )
  ;

    CREATE TABLE pgboss.queue (
      name text,
      policy text,
      retry_limit int,
      retry_delay int,
      retry_backoff bool,
      expire_seconds int,
      retention_minutes int,
      dead_letter text REFERENCES pgboss.queue (name),
      partition_name text,
      created_on timestamp with time zone not null default now(),
      updated_on timestamp with time zone not null default now(),
      PRIMARY KEY (name)
    )
  ;

    CREATE TABLE pgboss.schedule (
      name text REFERENCES pgboss.queue ON DELETE CASCADE,
      cron text not null,
      timezone text,
      data jsonb,
      options jsonb,
      created_on timestamp with time zone not null default now(),
      updated_on timestamp with time zone not null default now(),
      PRIMARY KEY (name)
    )
  ;

    CREATE TABLE pgboss.subscription (
      event text not null,
      name text not null REFERENCES pgboss.queue ON DELETE CASCADE,
      created_on timestamp with time zone not null default now(),
      updated_on timestamp with time zone not null default now(),
      PRIMARY KEY(event, name)
    )
  ;

    CREATE TABLE pgboss.job (
      id uuid not null default gen_random_uuid(),
      name text not null,
      priority integer not null default(0),
      data jsonb,
      state pgboss.job_state not null default('created'),
      retry_limit integer not null default(2),
      retry_count integer not null default(0),
      retry_delay integer not null default(0),
      retry_backoff boolean not null default false,
      start_after timestamp with time zone not null default now(),
      started_on timestamp with time zone,
      singleton_key text,
      singleton_on timestamp without time zone,
      expire_in interval not null default interval '15 minutes',
      created_on timestamp with time zone not null default now(),
      completed_on timestamp with time zone,
      keep_until timestamp with time zone NOT NULL default now() + interval '14 days',
      output jsonb,
      dead_letter text,
      policy text
    ) PARTITION BY LIST (name)
  ;
ALTER TABLE pgboss.job ADD PRIMARY KEY (name, id);
CREATE TABLE pgboss.archive (LIKE pgboss.job);
ALTER TABLE pgboss.archive ADD PRIMARY KEY (name, id);
ALTER TABLE pgboss.archive ADD archived_on timestamptz NOT NULL DEFAULT now();
CREATE INDEX archive_i1 ON pgboss.archive(archived_on);

    CREATE FUNCTION pgboss.create_queue(queue_name text, options json)
    RETURNS VOID AS
    $$
    DECLARE
      table_name varchar := 'j' || encode(sha224(queue_name::bytea), 'hex');
      queue_created_on timestamptz;
    BEGIN

      WITH q as (
      INSERT INTO pgboss.queue (
        name,
        policy,
        retry_limit,
        retry_delay,
        retry_backoff,
        expire_seconds,
        retention_minutes,
        dead_letter,
        partition_name
      )
      VALUES (
        queue_name,
        options->>'policy',
        (options->>'retryLimit')::int,
        (options->>'retryDelay')::int,
        (options->>'retryBackoff')::bool,
        (options->>'expireInSeconds')::int,
        (options->>'retentionMinutes')::int,
        options->>'deadLetter',
        table_name
      )
      ON CONFLICT DO NOTHING
      RETURNING created_on
      )
      SELECT created_on into queue_created_on from q;

      IF queue_created_on IS NULL THEN
        RETURN;
      END IF;

      EXECUTE format('CREATE TABLE pgboss.%I (LIKE pgboss.job INCLUDING DEFAULTS)', table_name);

      EXECUTE format('ALTER TABLE pgboss.%1$I ADD PRIMARY KEY (name, id)', table_name);
      EXECUTE format('ALTER TABLE pgboss.%1$I ADD CONSTRAINT q_fkey FOREIGN KEY (name) REFERENCES pgboss.queue (name) ON DELETE RESTRICT DEFERRABLE INITIALLY DEFERRED', table_name);
      EXECUTE format('ALTER TABLE pgboss.%1$I ADD CONSTRAINT dlq_fkey FOREIGN KEY (dead_letter) REFERENCES pgboss.queue (name) ON DELETE RESTRICT DEFERRABLE INITIALLY DEFERRED', table_name);
      EXECUTE format('CREATE UNIQUE INDEX %1$s_i1 ON pgboss.%1$I (name, COALESCE(singleton_key, '''')) WHERE state = ''created'' AND policy = ''short''', table_name);
      EXECUTE format('CREATE UNIQUE INDEX %1$s_i2 ON pgboss.%1$I (name, COALESCE(singleton_key, '''')) WHERE state = ''active'' AND policy = ''singleton''', table_name);
      EXECUTE format('CREATE UNIQUE INDEX %1$s_i3 ON pgboss.%1$I (name, state, COALESCE(singleton_key, '''')) WHERE state <= ''active'' AND policy = ''stately''', table_name);
      EXECUTE format('CREATE UNIQUE INDEX %1$s_i4 ON pgboss.%1$I (name, singleton_on, COALESCE(singleton_key, '''')) WHERE state <> ''cancelled'' AND singleton_on IS NOT NULL', table_name);
      EXECUTE format('CREATE INDEX %1$s_i5 ON pgboss.%1$I (name, start_after) INCLUDE (priority, created_on, id) WHERE state < ''active''', table_name);

      EXECUTE format('ALTER TABLE pgboss.%I ADD CONSTRAINT cjc CHECK (name=%L)', table_name, queue_name);
      EXECUTE format('ALTER TABLE pgboss.job ATTACH PARTITION pgboss.%I FOR VALUES IN (%L)', table_name, queue_name);
    END;
    $$
    LANGUAGE plpgsql;
  ;

    CREATE FUNCTION pgboss.delete_queue(queue_name text)
    RETURNS VOID AS
    $$
    DECLARE
      table_name varchar;
    BEGIN
      WITH deleted as (
        DELETE FROM pgboss.queue
        WHERE name = queue_name
        RETURNING partition_name
      )
      SELECT partition_name from deleted INTO table_name;

      EXECUTE format('DROP TABLE IF EXISTS pgboss.%I', table_name);
    END;
    $$
    LANGUAGE plpgsql;
  ;
INSERT INTO pgboss.version(version) VALUES ('24');

-- The queue of outbound messages. « stately »: at most one waiting job per singleton key (the message key).
SELECT pgboss.create_queue('messaging-send', '{"policy": "stately"}'::json);

-- Messages still waiting from before this migration get their job.
INSERT INTO pgboss.job (name, data, singleton_key, retry_limit, retry_delay, retry_backoff, policy)
SELECT 'messaging-send', jsonb_build_object('messageId', id), message_key, 5, 30, true, 'stately'
FROM outbound_messages WHERE status = 'A_ENVOYER';
