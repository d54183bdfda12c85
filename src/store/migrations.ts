/**
 * Schema versions, applied in order: SQLite records the version in
 * `user_version`, PostgreSQL in the `schema_migrations` table. The SQL is
 * written once for both (TEXT timestamps in ISO form compare as time; no
 * dialect-only syntax). Never edit a released migration; add a new one.
 */
export const MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE subscriptions (
    channel     TEXT PRIMARY KEY,
    query       TEXT,
    created_by  TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    origin      TEXT NOT NULL CHECK (origin IN ('command', 'config')),
    failures    INTEGER NOT NULL DEFAULT 0,
    disabled_at TEXT,
    last_error  TEXT
  );
  CREATE TABLE known_papers (
    paper_id   TEXT PRIMARY KEY,
    title      TEXT NOT NULL,
    arxiv_id   TEXT,
    first_seen TEXT NOT NULL
  );
  CREATE INDEX known_papers_arxiv ON known_papers (arxiv_id) WHERE arxiv_id IS NOT NULL;
  CREATE TABLE baselines (
    source TEXT PRIMARY KEY,
    at     TEXT NOT NULL
  );
  CREATE TABLE deliveries (
    channel    TEXT NOT NULL,
    paper_id   TEXT NOT NULL,
    batch      TEXT NOT NULL,
    status     TEXT NOT NULL CHECK (status IN ('pending', 'sent', 'cancelled')),
    created_at TEXT NOT NULL,
    sent_at    TEXT,
    message_id TEXT,
    PRIMARY KEY (channel, paper_id)
  );
  CREATE INDEX deliveries_pending ON deliveries (status, created_at) WHERE status = 'pending';
  CREATE TABLE learned_papers (
    title_key  TEXT PRIMARY KEY,
    facts      TEXT NOT NULL,
    updated_at TEXT NOT NULL
  );
  `,
  // What a sync learned, per source: replaced whole each time that source is read successfully.
  `
  CREATE TABLE synced_facts (
    source     TEXT NOT NULL,
    title_key  TEXT NOT NULL,
    facts      TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    PRIMARY KEY (source, title_key)
  );
  `,
  // Follow-up state (threads, channel and user, shell sessions, long page tokens) with an expiry,
  // and the typed query a subscription was validated as.
  `
  CREATE TABLE contexts (
    key        TEXT PRIMARY KEY,
    context    TEXT NOT NULL,
    expires_at TEXT NOT NULL
  );
  CREATE INDEX contexts_expiry ON contexts (expires_at);
  ALTER TABLE subscriptions ADD COLUMN parsed_query TEXT;
  `,
  // The ledger grows up. A message (one post) carries its own state, claim and attempts; the
  // (channel, kind, paper, venue) items it delivers keep the uniqueness that stops a double.
  // Known papers remember where they were read and since when they are missing, and their venue,
  // so "now published at …" is told once. Leases let one cycle plan at a time; Slack event ids
  // are shared by replicas. Channels disabled before this version may have been switched off by
  // transient failures (five in a row did it), so they get another chance: a channel the platform
  // really refuses is disabled again on its next send.
  `
  CREATE TABLE messages (
    batch        TEXT PRIMARY KEY,
    channel      TEXT NOT NULL,
    kind         TEXT NOT NULL CHECK (kind IN ('paper', 'venue')),
    status       TEXT NOT NULL CHECK (status IN ('pending', 'sending', 'sent', 'cancelled')),
    created_at   TEXT NOT NULL,
    attempts     INTEGER NOT NULL DEFAULT 0,
    attempted_at TEXT,
    claim_owner  TEXT,
    claim_until  TEXT,
    last_error   TEXT,
    payload      TEXT,
    sent_at      TEXT,
    message_id   TEXT
  );
  CREATE INDEX messages_open ON messages (created_at, batch) WHERE status IN ('pending', 'sending');
  INSERT INTO messages (batch, channel, kind, status, created_at, sent_at, message_id)
    SELECT batch, MIN(channel), 'paper', MIN(status), MIN(created_at), MAX(sent_at), MAX(message_id)
    FROM deliveries GROUP BY batch;
  ALTER TABLE deliveries RENAME TO deliveries_v1;
  CREATE TABLE deliveries (
    channel      TEXT NOT NULL,
    kind         TEXT NOT NULL CHECK (kind IN ('paper', 'venue')),
    paper_id     TEXT NOT NULL,
    venue        TEXT NOT NULL DEFAULT '',
    batch        TEXT NOT NULL REFERENCES messages (batch),
    position     INTEGER NOT NULL,
    cancelled_at TEXT,
    PRIMARY KEY (channel, kind, paper_id, venue)
  );
  CREATE INDEX deliveries_batch ON deliveries (batch);
  INSERT INTO deliveries (channel, kind, paper_id, venue, batch, position)
    SELECT channel, 'paper', paper_id, '', batch,
      ROW_NUMBER() OVER (PARTITION BY batch ORDER BY paper_id)
    FROM deliveries_v1;
  DROP TABLE deliveries_v1;
  ALTER TABLE known_papers ADD COLUMN venue TEXT;
  ALTER TABLE known_papers ADD COLUMN seen_in TEXT;
  ALTER TABLE known_papers ADD COLUMN missing_since TEXT;
  CREATE TABLE leases (
    name       TEXT PRIMARY KEY,
    owner      TEXT,
    expires_at TEXT,
    last_slot  TEXT
  );
  CREATE TABLE seen_events (
    event_id TEXT PRIMARY KEY,
    seen_at  TEXT NOT NULL
  );
  CREATE INDEX seen_events_age ON seen_events (seen_at);
  UPDATE subscriptions SET disabled_at = NULL, failures = 0;
  `,
];
