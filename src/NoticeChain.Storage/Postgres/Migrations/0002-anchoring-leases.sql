-- NoticeChain store on PostgreSQL, schema version 2.
-- Anchoring leases (decision 0016): which anchoring worker does an authority's anchoring work, until when. A row
-- whose expires_at has passed (by the server's clock, now()) is free for any worker to take; holder is a random
-- id per worker process.
CREATE TABLE anchoring_leases (
    authority    bytea       PRIMARY KEY CHECK (octet_length(authority) = 32),
    holder       text        NOT NULL CHECK (length(holder) BETWEEN 1 AND 64),
    acquired_at  timestamptz NOT NULL,
    expires_at   timestamptz NOT NULL,
    CHECK (expires_at >= acquired_at)
);
