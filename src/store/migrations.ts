/**
 * Schema versions, applied in order and recorded in SQLite's user_version.
 * Never edit a released migration; add a new one.
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
];
