-- The results history of dudao batch (SQLite). Times are ISO 8601 UTC text; observed values are
-- decimal text, so nothing is rounded through a double. Keep postgresql/V1__history.sql in step.

CREATE TABLE batch (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    started_at    TEXT    NOT NULL,
    finished_at   TEXT,
    tool_version  TEXT    NOT NULL,
    rules_dir     TEXT    NOT NULL,
    rules_sha256  TEXT    NOT NULL,
    out_dir       TEXT    NOT NULL,
    runs          INTEGER NOT NULL DEFAULT 0,
    skipped       INTEGER NOT NULL DEFAULT 0,
    problems      INTEGER NOT NULL DEFAULT 0,
    exit_code     INTEGER
);

CREATE TABLE run (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    batch_id        INTEGER NOT NULL REFERENCES batch (id),
    region_key      TEXT    NOT NULL,
    region_name     TEXT,
    started_at      TEXT    NOT NULL,
    year            INTEGER,
    years_present   TEXT,
    rules_sha256    TEXT    NOT NULL,
    inputs_sha256   TEXT    NOT NULL,
    formats         TEXT    NOT NULL,
    out_dir         TEXT    NOT NULL,
    evaluated       INTEGER NOT NULL,
    exit_code       INTEGER NOT NULL,
    n_pass          INTEGER NOT NULL DEFAULT 0,
    n_fail          INTEGER NOT NULL DEFAULT 0,
    n_warn          INTEGER NOT NULL DEFAULT 0,
    n_insufficient  INTEGER NOT NULL DEFAULT 0,
    n_not_applicable INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX run_region ON run (region_key, id);
CREATE INDEX run_unchanged ON run (region_key, inputs_sha256, rules_sha256);

CREATE TABLE run_input (
    run_id  INTEGER NOT NULL REFERENCES run (id),
    seq     INTEGER NOT NULL,
    file    TEXT    NOT NULL,
    sha256  TEXT    NOT NULL,
    bytes   INTEGER NOT NULL,
    PRIMARY KEY (run_id, seq)
);

CREATE TABLE verdict (
    run_id        INTEGER NOT NULL REFERENCES run (id),
    seq           INTEGER NOT NULL,
    indicator     TEXT    NOT NULL,
    name          TEXT,
    level         TEXT    NOT NULL,
    entity_code   TEXT    NOT NULL,
    entity_name   TEXT,
    parent_code   TEXT,
    year          INTEGER NOT NULL,
    status        TEXT    NOT NULL,
    observed      TEXT,
    observed_text TEXT,
    bound         TEXT,
    message       TEXT,
    PRIMARY KEY (run_id, seq)
);
CREATE INDEX verdict_key ON verdict (run_id, indicator, entity_code);

CREATE TABLE problem (
    batch_id  INTEGER NOT NULL REFERENCES batch (id),
    run_id    INTEGER REFERENCES run (id),
    file      TEXT,
    reason    TEXT    NOT NULL
);
CREATE INDEX problem_batch ON problem (batch_id);
