-- NoticeChain store on PostgreSQL, schema version 1: the tables of the SQLite schema, in PostgreSQL's types.
-- Conventions: hashes, keys and addresses are bytea of their exact size; notice ids are uuid (version 7);
-- times are timestamptz, written by the store truncated to the millisecond (as the SQLite store keeps them);
-- uint64 chain values (nonces, block numbers, chain ids, tree sizes) are bigint, which holds them up to 2^63 - 1,
-- and uint32 log indexes are bigint too. Enumerations are text with a CHECK, so a wrong value is an error.

-- Notices. The rows are the anchoring worker's outbox: batch_id IS NULL means "waiting for a batch".
-- seq is the acceptance order, which fixes the leaf order of batches.
CREATE TABLE notices (
    seq          bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    id           uuid        NOT NULL UNIQUE,
    authority    bytea       NOT NULL CHECK (octet_length(authority) = 32),
    digest       bytea       NOT NULL CHECK (octet_length(digest) = 32),
    salt         bytea       NOT NULL CHECK (octet_length(salt) = 32),
    leaf         bytea       NOT NULL CHECK (octet_length(leaf) = 32),
    reference    text        NOT NULL,
    accepted_at  timestamptz NOT NULL,
    batch_id     bigint      NULL,
    leaf_index   bigint      NULL CHECK (leaf_index >= 0),
    CHECK ((batch_id IS NULL) = (leaf_index IS NULL)),
    UNIQUE (authority, digest),
    UNIQUE (batch_id, leaf_index)
);

CREATE INDEX notices_unbatched ON notices (authority, seq) WHERE batch_id IS NULL;
CREATE INDEX notices_by_leaf ON notices (authority, leaf);
-- The public verify API looks notices up by digest across authorities.
CREATE INDEX notices_by_digest ON notices (digest, seq);

-- Idempotency-Key records: the key, the SHA-256 of the request body, and the notices it answered with.
CREATE TABLE idempotency_keys (
    authority    bytea       NOT NULL CHECK (octet_length(authority) = 32),
    key          text        NOT NULL,
    fingerprint  bytea       NOT NULL CHECK (octet_length(fingerprint) = 32),
    created_at   timestamptz NOT NULL,
    PRIMARY KEY (authority, key)
);

CREATE TABLE idempotency_key_notices (
    authority    bytea       NOT NULL,
    key          text        NOT NULL,
    position     integer     NOT NULL CHECK (position >= 0),
    notice_seq   bigint      NOT NULL REFERENCES notices (seq),
    PRIMARY KEY (authority, key, position),
    FOREIGN KEY (authority, key) REFERENCES idempotency_keys (authority, key)
);

-- Chain actions: everything to be mined, signed with an authority's key. mined_* are set while the action's
-- transaction is in a block we consider canonical, and cleared again by a reorg.
CREATE TABLE chain_actions (
    id                  bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    kind                text        NOT NULL CHECK (kind IN ('anchor', 'revoke', 'supersede')),
    authority           bytea       NOT NULL CHECK (octet_length(authority) = 32),
    created_at          timestamptz NOT NULL,
    mined_tx            bytea       NULL CHECK (octet_length(mined_tx) = 32),
    mined_block_number  bigint      NULL CHECK (mined_block_number >= 0),
    mined_block_hash    bytea       NULL CHECK (octet_length(mined_block_hash) = 32),
    mined_at            timestamptz NULL,
    CHECK ((mined_tx IS NULL) = (mined_block_number IS NULL)
       AND (mined_tx IS NULL) = (mined_block_hash IS NULL)
       AND (mined_tx IS NULL) = (mined_at IS NULL))
);

CREATE INDEX chain_actions_unmined ON chain_actions (id) WHERE mined_tx IS NULL;
CREATE INDEX chain_actions_mined_block ON chain_actions (mined_block_number) WHERE mined_tx IS NOT NULL;

ALTER TABLE notices ADD FOREIGN KEY (batch_id) REFERENCES chain_actions (id);

-- Batches (anchor actions): the tree is fixed at creation; leaves is the concatenation of the leaf hashes in
-- leaf order, so an audit path is computed from one row even after notices are crypto-shredded.
CREATE TABLE batches (
    action_id  bigint PRIMARY KEY REFERENCES chain_actions (id),
    tree_size  bigint NOT NULL CHECK (tree_size > 0),
    root       bytea  NOT NULL UNIQUE CHECK (octet_length(root) = 32),
    leaves     bytea  NOT NULL CHECK (octet_length(leaves) = 32 * tree_size)
);

CREATE TABLE revocation_requests (
    action_id     bigint      PRIMARY KEY REFERENCES chain_actions (id),
    notice_seq    bigint      NOT NULL UNIQUE REFERENCES notices (seq),
    reason        smallint    NOT NULL CHECK (reason BETWEEN 0 AND 4),
    effective_at  timestamptz NOT NULL,
    requested_at  timestamptz NOT NULL
);

CREATE TABLE supersession_requests (
    action_id       bigint PRIMARY KEY REFERENCES chain_actions (id),
    old_notice_seq  bigint NOT NULL UNIQUE REFERENCES notices (seq),
    new_notice_seq  bigint NOT NULL UNIQUE REFERENCES notices (seq),
    CHECK (old_notice_seq <> new_notice_seq)
);

-- Signed transactions, persisted before broadcast. An action has at most one transaction that is live or mined;
-- replaced versions (same sender and nonce, lower fee) stay as history, because any of them may be mined.
CREATE TABLE transactions (
    id            bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    action_id     bigint      NOT NULL REFERENCES chain_actions (id),
    hash          bytea       NOT NULL UNIQUE CHECK (octet_length(hash) = 32),
    sender        bytea       NOT NULL CHECK (octet_length(sender) = 20),
    nonce         bigint      NOT NULL CHECK (nonce >= 0),
    chain_id      bigint      NOT NULL CHECK (chain_id > 0),
    recipient     bytea       NOT NULL CHECK (octet_length(recipient) = 20),
    raw           bytea       NOT NULL,
    state         text        NOT NULL CHECK (state IN ('live', 'replaced', 'mined', 'reverted', 'abandoned')),
    sent_at       timestamptz NOT NULL,
    block_number  bigint      NULL CHECK (block_number >= 0),
    block_hash    bytea       NULL CHECK (octet_length(block_hash) = 32)
);

CREATE UNIQUE INDEX transactions_one_current ON transactions (action_id) WHERE state IN ('live', 'mined');
CREATE INDEX transactions_by_action ON transactions (action_id, id);

-- The next nonce of each sending key; consumed only together with the transaction that uses it.
CREATE TABLE nonces (
    sender      bytea  PRIMARY KEY CHECK (octet_length(sender) = 20),
    next_nonce  bigint NOT NULL CHECK (next_nonce >= 0)
);

-- The chain follower's index of registry events. A cache of the chain: rebuilt from it at any time.
CREATE TABLE chain_cursor (
    id            integer PRIMARY KEY CHECK (id = 1),
    block_number  bigint  NOT NULL CHECK (block_number >= 0),
    block_hash    bytea   NOT NULL CHECK (octet_length(block_hash) = 32)
);

CREATE TABLE chain_anchors (
    root          bytea       PRIMARY KEY CHECK (octet_length(root) = 32),
    authority     bytea       NOT NULL CHECK (octet_length(authority) = 32),
    key           bytea       NOT NULL CHECK (octet_length(key) = 20),
    tree_size     bigint      NOT NULL CHECK (tree_size >= 0),
    anchored_at   timestamptz NOT NULL,
    block_number  bigint      NOT NULL CHECK (block_number >= 0),
    block_hash    bytea       NOT NULL,
    tx_hash       bytea       NOT NULL,
    log_index     bigint      NOT NULL CHECK (log_index BETWEEN 0 AND 4294967295)
);

CREATE INDEX chain_anchors_block ON chain_anchors (block_number);

CREATE TABLE chain_revocations (
    authority     bytea       NOT NULL CHECK (octet_length(authority) = 32),
    leaf          bytea       NOT NULL CHECK (octet_length(leaf) = 32),
    root          bytea       NOT NULL CHECK (octet_length(root) = 32),
    reason        smallint    NOT NULL CHECK (reason BETWEEN 0 AND 4),
    effective_at  timestamptz NOT NULL,
    revoked_at    timestamptz NOT NULL,
    block_number  bigint      NOT NULL CHECK (block_number >= 0),
    block_hash    bytea       NOT NULL,
    tx_hash       bytea       NOT NULL,
    log_index     bigint      NOT NULL CHECK (log_index BETWEEN 0 AND 4294967295),
    PRIMARY KEY (authority, leaf)
);

CREATE INDEX chain_revocations_block ON chain_revocations (block_number);

CREATE TABLE chain_supersessions (
    authority      bytea       NOT NULL CHECK (octet_length(authority) = 32),
    old_leaf       bytea       NOT NULL CHECK (octet_length(old_leaf) = 32),
    new_leaf       bytea       NOT NULL CHECK (octet_length(new_leaf) = 32),
    old_root       bytea       NOT NULL CHECK (octet_length(old_root) = 32),
    new_root       bytea       NOT NULL CHECK (octet_length(new_root) = 32),
    reason         smallint    NOT NULL CHECK (reason BETWEEN 0 AND 4),
    effective_at   timestamptz NOT NULL,
    superseded_at  timestamptz NOT NULL,
    block_number   bigint      NOT NULL CHECK (block_number >= 0),
    block_hash     bytea       NOT NULL,
    tx_hash        bytea       NOT NULL,
    log_index      bigint      NOT NULL CHECK (log_index BETWEEN 0 AND 4294967295),
    PRIMARY KEY (authority, old_leaf)
);

CREATE INDEX chain_supersessions_block ON chain_supersessions (block_number);

CREATE TABLE chain_authority_events (
    block_number  bigint      NOT NULL CHECK (block_number >= 0),
    log_index     bigint      NOT NULL CHECK (log_index BETWEEN 0 AND 4294967295),
    block_hash    bytea       NOT NULL,
    tx_hash       bytea       NOT NULL,
    kind          text        NOT NULL CHECK (kind IN ('registered', 'key_rotated', 'retired')),
    authority     bytea       NOT NULL CHECK (octet_length(authority) = 32),
    key           bytea       NOT NULL CHECK (octet_length(key) = 20),
    name          text        NULL,
    block_time    timestamptz NOT NULL,
    PRIMARY KEY (block_number, log_index)
);

CREATE INDEX chain_authority_events_by_authority ON chain_authority_events (authority, block_number, log_index);
