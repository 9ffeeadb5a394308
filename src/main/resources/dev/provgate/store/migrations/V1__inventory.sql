-- The inventory store, version 1. Portable SQL: the same statements run on SQLite and PostgreSQL.
-- Times are seconds since the epoch (UTC); offsets are minutes east of UTC as the commit recorded them.

CREATE TABLE repositories (
    id          TEXT PRIMARY KEY,
    location    TEXT NOT NULL,
    truncated   INTEGER NOT NULL,
    scanned_at  BIGINT NOT NULL
);

CREATE TABLE refs (
    repository  TEXT NOT NULL,
    name        TEXT NOT NULL,
    tip         TEXT NOT NULL,
    PRIMARY KEY (repository, name)
);

CREATE TABLE commits (
    repository      TEXT NOT NULL,
    sha             TEXT NOT NULL,
    parents         TEXT NOT NULL,
    author_name     TEXT NOT NULL,
    author_email    TEXT NOT NULL,
    author_time     BIGINT NOT NULL,
    author_offset   INTEGER NOT NULL,
    committer_name  TEXT NOT NULL,
    committer_email TEXT NOT NULL,
    commit_time     BIGINT NOT NULL,
    commit_offset   INTEGER NOT NULL,
    subject         TEXT NOT NULL,
    PRIMARY KEY (repository, sha)
);

-- Which lockfiles a commit changed against its first parent (oid NULL: the file was deleted there).
CREATE TABLE lockfile_changes (
    repository  TEXT NOT NULL,
    sha         TEXT NOT NULL,
    path        TEXT NOT NULL,
    oid         TEXT,
    PRIMARY KEY (repository, sha, path)
);

-- A lockfile blob parsed once: by object id and the format it was parsed as (error: why it could not be).
CREATE TABLE blobs (
    oid     TEXT NOT NULL,
    format  TEXT NOT NULL,
    error   TEXT,
    PRIMARY KEY (oid, format)
);

CREATE TABLE blob_packages (
    oid         TEXT NOT NULL,
    format      TEXT NOT NULL,
    seq         INTEGER NOT NULL,
    purl        TEXT NOT NULL,
    package     TEXT NOT NULL,
    version     TEXT NOT NULL,
    line        INTEGER NOT NULL,
    direct      INTEGER NOT NULL,
    hashes      TEXT NOT NULL,
    PRIMARY KEY (oid, format, seq)
);

-- Derived: each run of a ref's history during which it locked one package version.
CREATE TABLE intervals (
    repository    TEXT NOT NULL,
    ref           TEXT NOT NULL,
    seq           INTEGER NOT NULL,
    purl          TEXT NOT NULL,
    package       TEXT NOT NULL,
    version       TEXT NOT NULL,
    lockfile      TEXT NOT NULL,
    line          INTEGER NOT NULL,
    introduced    TEXT NOT NULL,
    merge_commit  TEXT,
    removed       TEXT,
    start_time    BIGINT NOT NULL,
    end_time      BIGINT,
    PRIMARY KEY (repository, ref, seq)
);

CREATE INDEX intervals_package ON intervals (package);
