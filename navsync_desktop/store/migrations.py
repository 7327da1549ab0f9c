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
    # 5: the CRM sync: one table per synced sObject (the fields the program needs, plus keys
    # normalised for matching), each object's sync state, seat holders and their auto-saved
    # lists, and a fuller record of each run ('cancelled', per-object counts, API usage)
    """
    CREATE TABLE crm_user_role (
        id               TEXT PRIMARY KEY,
        name             TEXT,
        developer_name   TEXT,
        parent_role_id   TEXT,
        system_modstamp  TEXT NOT NULL   -- ISO 8601, UTC, as Salesforce keeps it
    ) WITHOUT ROWID;
    CREATE TABLE crm_user (
        id               TEXT PRIMARY KEY,
        name             TEXT,
        first_name       TEXT,
        last_name        TEXT,
        email            TEXT COLLATE NOCASE,
        username         TEXT COLLATE NOCASE,
        is_active        INTEGER,
        user_role_id     TEXT,
        profile_name     TEXT,
        title            TEXT,
        system_modstamp  TEXT NOT NULL
    ) WITHOUT ROWID;
    CREATE INDEX crm_user_email ON crm_user (email);
    CREATE TABLE crm_account (
        id                   TEXT PRIMARY KEY,
        name                 TEXT,
        company_key          TEXT,       -- the name without legal form, case or accents
        owner_id             TEXT,
        parent_id            TEXT,
        website              TEXT,
        website_domain       TEXT,       -- e.g. example.com
        industry             TEXT,
        linkedin_company_id  TEXT,       -- the LinkedIn package's field, when installed
        system_modstamp      TEXT NOT NULL
    ) WITHOUT ROWID;
    CREATE INDEX crm_account_owner ON crm_account (owner_id);
    CREATE INDEX crm_account_company_key ON crm_account (company_key);
    CREATE INDEX crm_account_website_domain ON crm_account (website_domain);
    CREATE INDEX crm_account_linkedin_company ON crm_account (linkedin_company_id);
    CREATE TABLE crm_contact (
        id                     TEXT PRIMARY KEY,
        account_id             TEXT,
        first_name             TEXT,
        last_name              TEXT,
        name_key               TEXT,     -- first and last name without case or accents
        email                  TEXT COLLATE NOCASE,
        title                  TEXT,
        owner_id               TEXT,
        linkedin_profile_url   TEXT,     -- the org's profile URL field, when it has one
        linkedin_profile_key   TEXT,     -- e.g. linkedin.com/in/jane-doe
        linkedin_member_token  TEXT,     -- the LinkedIn package's member token
        system_modstamp        TEXT NOT NULL
    ) WITHOUT ROWID;
    CREATE INDEX crm_contact_account ON crm_contact (account_id);
    CREATE INDEX crm_contact_email ON crm_contact (email);
    CREATE INDEX crm_contact_name_key ON crm_contact (name_key);
    CREATE INDEX crm_contact_profile_key ON crm_contact (linkedin_profile_key);
    CREATE INDEX crm_contact_member_token ON crm_contact (linkedin_member_token);
    CREATE TABLE crm_lead (
        id                     TEXT PRIMARY KEY,
        company                TEXT,
        company_key            TEXT,
        is_converted           INTEGER,
        first_name             TEXT,
        last_name              TEXT,
        name_key               TEXT,
        email                  TEXT COLLATE NOCASE,
        title                  TEXT,
        owner_id               TEXT,
        linkedin_profile_url   TEXT,
        linkedin_profile_key   TEXT,
        linkedin_member_token  TEXT,
        system_modstamp        TEXT NOT NULL
    ) WITHOUT ROWID;
    CREATE INDEX crm_lead_owner ON crm_lead (owner_id);
    CREATE INDEX crm_lead_email ON crm_lead (email);
    CREATE INDEX crm_lead_name_key ON crm_lead (name_key, company_key);
    CREATE INDEX crm_lead_profile_key ON crm_lead (linkedin_profile_key);
    CREATE INDEX crm_lead_member_token ON crm_lead (linkedin_member_token);
    CREATE TABLE crm_opportunity (
        id               TEXT PRIMARY KEY,
        name             TEXT,
        account_id       TEXT,
        owner_id         TEXT,
        stage_name       TEXT,
        amount           REAL,
        won_value        REAL,           -- the field chosen in the CRM settings
        close_date       TEXT,
        is_closed        INTEGER,
        is_won           INTEGER,
        system_modstamp  TEXT NOT NULL
    ) WITHOUT ROWID;
    CREATE INDEX crm_opportunity_owner ON crm_opportunity (owner_id, is_closed);
    CREATE INDEX crm_opportunity_account ON crm_opportunity (account_id);
    CREATE TABLE crm_opportunity_contact_role (
        id               TEXT PRIMARY KEY,
        opportunity_id   TEXT,
        contact_id       TEXT,
        role             TEXT,
        is_primary       INTEGER,
        system_modstamp  TEXT NOT NULL
    ) WITHOUT ROWID;
    CREATE INDEX crm_contact_role_opportunity ON crm_opportunity_contact_role (opportunity_id);
    CREATE INDEX crm_contact_role_contact ON crm_opportunity_contact_role (contact_id);
    CREATE TABLE crm_opportunity_stage (
        id               TEXT PRIMARY KEY,
        label            TEXT,
        api_name         TEXT,           -- what Opportunity.StageName holds
        sort_order       INTEGER,
        is_active        INTEGER,
        is_closed        INTEGER,
        is_won           INTEGER,
        system_modstamp  TEXT NOT NULL
    ) WITHOUT ROWID;
    CREATE INDEX crm_opportunity_stage_api_name ON crm_opportunity_stage (api_name);
    CREATE TABLE sync_state (
        sobject      TEXT PRIMARY KEY,
        watermark    TEXT,               -- the newest SystemModstamp read
        fingerprint  TEXT NOT NULL,      -- of the fields read; when it changes, read in full
        fields       TEXT NOT NULL,      -- JSON {name: [type, label]} from the last describe
        synced_at    TEXT NOT NULL
    );
    CREATE TABLE seats (
        id           INTEGER PRIMARY KEY,
        email        TEXT NOT NULL UNIQUE COLLATE NOCASE,
        name         TEXT NOT NULL,
        seat_type    TEXT NOT NULL DEFAULT 'team_member'
                     CHECK (seat_type IN ('admin', 'team_member', 'admin_team_member')),
        profile_url  TEXT,
        profile_key  TEXT,
        sync         INTEGER NOT NULL DEFAULT 1,
        added_at     TEXT NOT NULL
    );
    -- the key's columns first: SQLite 3.40's integrity check misreads NOT NULL columns that
    -- sit between the key columns of a WITHOUT ROWID table (and the store would seem damaged)
    CREATE TABLE saved_list_entries (
        seat_id    INTEGER NOT NULL REFERENCES seats (id) ON DELETE CASCADE,
        list       TEXT NOT NULL CHECK (list IN ('accounts', 'leads_contacts')),
        record_id  TEXT NOT NULL,
        sobject    TEXT NOT NULL,
        PRIMARY KEY (seat_id, list, record_id)
    ) WITHOUT ROWID;
    CREATE TABLE sync_runs_new (
        id               INTEGER PRIMARY KEY,
        kind             TEXT NOT NULL CHECK (kind IN ('full', 'incremental')),
        status           TEXT NOT NULL
                         CHECK (status IN ('running', 'succeeded', 'failed', 'cancelled')),
        started_at       TEXT NOT NULL,
        finished_at      TEXT,
        error            TEXT,
        paused           INTEGER NOT NULL DEFAULT 0,   -- stopped to keep the API reserve
        objects          TEXT NOT NULL DEFAULT '{}',   -- JSON per object: read, changed, ...
        http_requests    INTEGER NOT NULL DEFAULT 0,
        api_used_before  INTEGER,                      -- Sforce-Limit-Info api-usage
        api_used_after   INTEGER,
        api_max          INTEGER
    );
    INSERT INTO sync_runs_new (id, kind, status, started_at, finished_at, error)
        SELECT id, kind, status, started_at, finished_at, error FROM sync_runs;
    DROP TABLE sync_runs;
    ALTER TABLE sync_runs_new RENAME TO sync_runs;
    CREATE INDEX sync_runs_finished ON sync_runs (status, finished_at);
    """,
    # 6: activity write-back: each seat's copy mode, the activities (the outbox: one row per
    # activity and counterpart, its state, its match and the Salesforce record it became), the
    # batches sent (when each started: reconciling looks for records created since), and the
    # people mapped by hand. Contact and Lead are read whole once more, so their profile keys
    # follow the fuller URL normalisation (percent-encoding).
    """
    ALTER TABLE seats ADD COLUMN copy_mode TEXT NOT NULL DEFAULT 'always'
        CHECK (copy_mode IN ('always', 'ask'));
    CREATE TABLE writeback_batches (
        id          INTEGER PRIMARY KEY,
        sobject     TEXT NOT NULL,
        started_at  TEXT NOT NULL        -- ISO 8601, UTC, before the request went out
    );
    CREATE TABLE activities (
        id                 INTEGER PRIMARY KEY,
        key                TEXT NOT NULL UNIQUE,   -- message (or log entry) + counterpart
        ref                TEXT NOT NULL UNIQUE,   -- the short reference written into the record
        seat_id            INTEGER NOT NULL REFERENCES seats (id) ON DELETE CASCADE,
        kind               TEXT NOT NULL CHECK (kind IN ('inmail', 'message', 'note', 'call')),
        source             TEXT NOT NULL CHECK (source IN ('linkedin_export', 'logged')),
        direction          TEXT CHECK (direction IN ('sent', 'received')),
        occurred_at        TEXT NOT NULL,          -- ISO 8601, UTC
        subject            TEXT,
        content            TEXT NOT NULL DEFAULT '',  -- the full text, whatever is sent
        conversation_id    TEXT,
        conversation_title TEXT,
        person_key         TEXT,                   -- the counterpart's profile key
        person_url         TEXT,
        person_name        TEXT,
        person_company     TEXT,
        person_email       TEXT,                   -- an address the person wrote
        call_duration_s    INTEGER,
        call_outcome       TEXT,
        state              TEXT NOT NULL CHECK (state IN
                           ('new', 'queued', 'unresolved', 'sending', 'sent', 'failed',
                            'skipped')),
        reason             TEXT,                   -- why unresolved or skipped
        match_sobject      TEXT,
        match_id           TEXT,
        match_account_id   TEXT,                   -- a contact's account (the Task's WhatId)
        match_rule         TEXT,
        record_id          TEXT,                   -- the Task or ContentNote created
        link_id            TEXT,                   -- a note's ContentDocumentLink
        batch_id           INTEGER REFERENCES writeback_batches (id),
        attempts           INTEGER NOT NULL DEFAULT 0,
        next_attempt_at    TEXT,
        error_code         TEXT,
        message            TEXT,                   -- JSON of the last error's Text
        created_at         TEXT NOT NULL,
        updated_at         TEXT NOT NULL,
        sent_at            TEXT
    );
    CREATE INDEX activities_state ON activities (state, kind);
    CREATE INDEX activities_seat ON activities (seat_id, state);
    CREATE INDEX activities_person ON activities (person_key);
    CREATE INDEX activities_batch ON activities (batch_id)
        WHERE batch_id IS NOT NULL;
    CREATE TABLE person_mappings (
        person_key  TEXT PRIMARY KEY,
        sobject     TEXT NOT NULL,
        record_id   TEXT NOT NULL,
        account_id  TEXT,
        name        TEXT,
        mapped_at   TEXT NOT NULL
    );
    UPDATE sync_state SET fingerprint = '' WHERE sobject IN ('Contact', 'Lead');
    """,
    # 7: the LinkedIn columns are empty for most records (the package fills them as people are
    # matched): their indexes leave the empty ones out, and cost a sync that much less to
    # build. Lookups are by equality, which such an index serves. (A sync builds the indexes
    # of a table under the other of two names, "<name>__b", when it fills it anew.)
    """
    DROP INDEX IF EXISTS crm_contact_profile_key;
    DROP INDEX IF EXISTS crm_contact_profile_key__b;
    CREATE INDEX crm_contact_profile_key ON crm_contact (linkedin_profile_key)
        WHERE linkedin_profile_key IS NOT NULL;
    DROP INDEX IF EXISTS crm_contact_member_token;
    DROP INDEX IF EXISTS crm_contact_member_token__b;
    CREATE INDEX crm_contact_member_token ON crm_contact (linkedin_member_token)
        WHERE linkedin_member_token IS NOT NULL;
    DROP INDEX IF EXISTS crm_lead_profile_key;
    DROP INDEX IF EXISTS crm_lead_profile_key__b;
    CREATE INDEX crm_lead_profile_key ON crm_lead (linkedin_profile_key)
        WHERE linkedin_profile_key IS NOT NULL;
    DROP INDEX IF EXISTS crm_lead_member_token;
    DROP INDEX IF EXISTS crm_lead_member_token__b;
    CREATE INDEX crm_lead_member_token ON crm_lead (linkedin_member_token)
        WHERE linkedin_member_token IS NOT NULL;
    DROP INDEX IF EXISTS crm_account_linkedin_company;
    DROP INDEX IF EXISTS crm_account_linkedin_company__b;
    CREATE INDEX crm_account_linkedin_company ON crm_account (linkedin_company_id)
        WHERE linkedin_company_id IS NOT NULL;
    """,
]

LATEST_VERSION = len(MIGRATIONS)
