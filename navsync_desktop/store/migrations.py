"""The local store's schema, as numbered steps.

Step N brings a file from ``PRAGMA user_version`` N-1 to N. Steps are only
ever appended: a released step never changes, so every old file can be
brought forward one step at a time.
"""

from __future__ import annotations

MIGRATIONS: list[str] = [
    # 1: settings and the history of sync runs
    """
    CREATE TABLE settings (
        key   TEXT PRIMARY KEY,
        value TEXT NOT NULL              -- JSON
    );
    CREATE TABLE sync_runs (
        id          INTEGER PRIMARY KEY,
        kind        TEXT NOT NULL CHECK (kind IN ('full', 'incremental')),
        status      TEXT NOT NULL CHECK (status IN ('running', 'succeeded', 'failed')),
        started_at  TEXT NOT NULL,       -- ISO 8601, UTC
        finished_at TEXT,
        error       TEXT
    );
    CREATE INDEX sync_runs_finished ON sync_runs (status, finished_at);
    """,
    # 2: the Salesforce connection (metadata only: tokens live in the OS keyring)
    """
    CREATE TABLE connection (
        id             INTEGER PRIMARY KEY CHECK (id = 1),
        state          TEXT NOT NULL DEFAULT 'disconnected',
        org_id         TEXT,
        org_name       TEXT,
        username       TEXT,
        user_id        TEXT,
        instance_url   TEXT,
        login_url      TEXT,
        connected_at   TEXT,
        reconnect_by   TEXT              -- end of the grace window after a failed refresh
    );
    INSERT INTO connection (id) VALUES (1);
    """,
    # 3: whether the connection is the embedded demo org (its certificate is pinned)
    """
    ALTER TABLE connection ADD COLUMN is_demo INTEGER NOT NULL DEFAULT 0;
    """,
    # 4: the state before Connecting, so that an interrupted connect restores it
    """
    ALTER TABLE connection ADD COLUMN previous_state TEXT;
    """,
]

LATEST_VERSION = len(MIGRATIONS)
