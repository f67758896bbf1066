-- NoticeChain store, schema version 3.
-- Anchoring leases (decision 0016): which anchoring worker does an authority's anchoring work, until when. A row
-- whose expires_at has passed is free for any worker to take; holder is a random id per worker process.
CREATE TABLE anchoring_leases (
    authority    BLOB    PRIMARY KEY CHECK (length(authority) = 32),
    holder       TEXT    NOT NULL CHECK (length(holder) BETWEEN 1 AND 64),
    acquired_at  INTEGER NOT NULL,
    expires_at   INTEGER NOT NULL,
    CHECK (expires_at >= acquired_at)
) STRICT;
