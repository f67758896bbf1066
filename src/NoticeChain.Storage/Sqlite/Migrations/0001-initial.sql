-- NoticeChain store, schema version 1.
-- Conventions: ids and hashes are BLOBs of their exact size; times are INTEGER Unix milliseconds (UTC);
-- uint64 chain values (nonces, block numbers, chain ids, tree sizes) are INTEGER, which holds them up to 2^63 - 1.
-- Tables are STRICT so that a value of the wrong type is an error, not a silent conversion.

-- Notices. The rows are the anchoring worker's outbox: batch_id IS NULL means "waiting for a batch".
-- seq is the acceptance order, which fixes the leaf order of batches.
CREATE TABLE notices (
    seq          INTEGER PRIMARY KEY,
    id           TEXT    NOT NULL UNIQUE CHECK (length(id) = 36),
    authority    BLOB    NOT NULL CHECK (length(authority) = 32),
    digest       BLOB    NOT NULL CHECK (length(digest) = 32),
    salt         BLOB    NOT NULL CHECK (length(salt) = 32),
    leaf         BLOB    NOT NULL CHECK (length(leaf) = 32),
    reference    TEXT    NOT NULL,
    accepted_at  INTEGER NOT NULL,
    batch_id     INTEGER NULL REFERENCES batches (action_id),
    leaf_index   INTEGER NULL CHECK (leaf_index >= 0),
    CHECK ((batch_id IS NULL) = (leaf_index IS NULL)),
    UNIQUE (authority, digest),
    UNIQUE (batch_id, leaf_index)
) STRICT;

CREATE INDEX notices_unbatched ON notices (authority, seq) WHERE batch_id IS NULL;
CREATE INDEX notices_by_leaf ON notices (authority, leaf);

-- Idempotency-Key records: the key, the SHA-256 of the request body, and the notices it answered with.
CREATE TABLE idempotency_keys (
    authority    BLOB    NOT NULL CHECK (length(authority) = 32),
    key          TEXT    NOT NULL,
    fingerprint  BLOB    NOT NULL CHECK (length(fingerprint) = 32),
    created_at   INTEGER NOT NULL,
    PRIMARY KEY (authority, key)
) STRICT;

CREATE TABLE idempotency_key_notices (
    authority    BLOB    NOT NULL,
    key          TEXT    NOT NULL,
    position     INTEGER NOT NULL CHECK (position >= 0),
    notice_seq   INTEGER NOT NULL REFERENCES notices (seq),
    PRIMARY KEY (authority, key, position),
    FOREIGN KEY (authority, key) REFERENCES idempotency_keys (authority, key)
) STRICT;

-- Chain actions: everything to be mined, signed with an authority's key. mined_* are set while the action's
-- transaction is in a block we consider canonical, and cleared again by a reorg.
CREATE TABLE chain_actions (
    id                  INTEGER PRIMARY KEY,
    kind                TEXT    NOT NULL CHECK (kind IN ('anchor', 'revoke', 'supersede')),
    authority           BLOB    NOT NULL CHECK (length(authority) = 32),
    created_at          INTEGER NOT NULL,
    mined_tx            BLOB    NULL CHECK (length(mined_tx) = 32),
    mined_block_number  INTEGER NULL,
    mined_block_hash    BLOB    NULL CHECK (length(mined_block_hash) = 32),
    mined_at            INTEGER NULL,
    CHECK ((mined_tx IS NULL) = (mined_block_number IS NULL)
       AND (mined_tx IS NULL) = (mined_block_hash IS NULL)
       AND (mined_tx IS NULL) = (mined_at IS NULL))
) STRICT;

CREATE INDEX chain_actions_unmined ON chain_actions (id) WHERE mined_tx IS NULL;
CREATE INDEX chain_actions_mined_block ON chain_actions (mined_block_number) WHERE mined_tx IS NOT NULL;

-- Batches (anchor actions): the tree is fixed at creation; leaves is the concatenation of the leaf hashes in
-- leaf order, so an audit path is computed from one row even after notices are crypto-shredded.
CREATE TABLE batches (
    action_id  INTEGER PRIMARY KEY REFERENCES chain_actions (id),
    tree_size  INTEGER NOT NULL CHECK (tree_size > 0),
    root       BLOB    NOT NULL UNIQUE CHECK (length(root) = 32),
    leaves     BLOB    NOT NULL CHECK (length(leaves) = 32 * tree_size)
) STRICT;

CREATE TABLE revocation_requests (
    action_id     INTEGER PRIMARY KEY REFERENCES chain_actions (id),
    notice_seq    INTEGER NOT NULL UNIQUE REFERENCES notices (seq),
    reason        INTEGER NOT NULL CHECK (reason BETWEEN 0 AND 4),
    effective_at  INTEGER NOT NULL,
    requested_at  INTEGER NOT NULL
) STRICT;

CREATE TABLE supersession_requests (
    action_id       INTEGER PRIMARY KEY REFERENCES chain_actions (id),
    old_notice_seq  INTEGER NOT NULL UNIQUE REFERENCES notices (seq),
    new_notice_seq  INTEGER NOT NULL UNIQUE REFERENCES notices (seq),
    CHECK (old_notice_seq <> new_notice_seq)
) STRICT;

-- Signed transactions, persisted before broadcast. An action has at most one transaction that is live or mined;
-- replaced versions (same sender and nonce, lower fee) stay as history, because any of them may be mined.
CREATE TABLE transactions (
    id            INTEGER PRIMARY KEY,
    action_id     INTEGER NOT NULL REFERENCES chain_actions (id),
    hash          BLOB    NOT NULL UNIQUE CHECK (length(hash) = 32),
    sender        BLOB    NOT NULL CHECK (length(sender) = 20),
    nonce         INTEGER NOT NULL CHECK (nonce >= 0),
    chain_id      INTEGER NOT NULL CHECK (chain_id > 0),
    recipient     BLOB    NOT NULL CHECK (length(recipient) = 20),
    raw           BLOB    NOT NULL,
    state         TEXT    NOT NULL CHECK (state IN ('live', 'replaced', 'mined', 'reverted', 'abandoned')),
    sent_at       INTEGER NOT NULL,
    block_number  INTEGER NULL,
    block_hash    BLOB    NULL CHECK (length(block_hash) = 32)
) STRICT;

CREATE UNIQUE INDEX transactions_one_current ON transactions (action_id) WHERE state IN ('live', 'mined');
CREATE INDEX transactions_by_action ON transactions (action_id, id);

-- The next nonce of each sending key; consumed only together with the transaction that uses it.
CREATE TABLE nonces (
    sender      BLOB    PRIMARY KEY CHECK (length(sender) = 20),
    next_nonce  INTEGER NOT NULL CHECK (next_nonce >= 0)
) STRICT;

-- The chain follower's index of registry events. A cache of the chain: rebuilt from it at any time.
CREATE TABLE chain_cursor (
    id            INTEGER PRIMARY KEY CHECK (id = 1),
    block_number  INTEGER NOT NULL CHECK (block_number >= 0),
    block_hash    BLOB    NOT NULL CHECK (length(block_hash) = 32)
) STRICT;

CREATE TABLE chain_anchors (
    root          BLOB    PRIMARY KEY CHECK (length(root) = 32),
    authority     BLOB    NOT NULL CHECK (length(authority) = 32),
    key           BLOB    NOT NULL CHECK (length(key) = 20),
    tree_size     INTEGER NOT NULL,
    anchored_at   INTEGER NOT NULL,
    block_number  INTEGER NOT NULL,
    block_hash    BLOB    NOT NULL,
    tx_hash       BLOB    NOT NULL,
    log_index     INTEGER NOT NULL
) STRICT;

CREATE INDEX chain_anchors_block ON chain_anchors (block_number);

CREATE TABLE chain_revocations (
    authority     BLOB    NOT NULL CHECK (length(authority) = 32),
    leaf          BLOB    NOT NULL CHECK (length(leaf) = 32),
    root          BLOB    NOT NULL CHECK (length(root) = 32),
    reason        INTEGER NOT NULL CHECK (reason BETWEEN 0 AND 4),
    effective_at  INTEGER NOT NULL,
    revoked_at    INTEGER NOT NULL,
    block_number  INTEGER NOT NULL,
    block_hash    BLOB    NOT NULL,
    tx_hash       BLOB    NOT NULL,
    log_index     INTEGER NOT NULL,
    PRIMARY KEY (authority, leaf)
) STRICT;

CREATE INDEX chain_revocations_block ON chain_revocations (block_number);

CREATE TABLE chain_supersessions (
    authority      BLOB    NOT NULL CHECK (length(authority) = 32),
    old_leaf       BLOB    NOT NULL CHECK (length(old_leaf) = 32),
    new_leaf       BLOB    NOT NULL CHECK (length(new_leaf) = 32),
    old_root       BLOB    NOT NULL CHECK (length(old_root) = 32),
    new_root       BLOB    NOT NULL CHECK (length(new_root) = 32),
    reason         INTEGER NOT NULL CHECK (reason BETWEEN 0 AND 4),
    effective_at   INTEGER NOT NULL,
    superseded_at  INTEGER NOT NULL,
    block_number   INTEGER NOT NULL,
    block_hash     BLOB    NOT NULL,
    tx_hash        BLOB    NOT NULL,
    log_index      INTEGER NOT NULL,
    PRIMARY KEY (authority, old_leaf)
) STRICT;

CREATE INDEX chain_supersessions_block ON chain_supersessions (block_number);

CREATE TABLE chain_authority_events (
    block_number  INTEGER NOT NULL,
    log_index     INTEGER NOT NULL,
    block_hash    BLOB    NOT NULL,
    tx_hash       BLOB    NOT NULL,
    kind          TEXT    NOT NULL CHECK (kind IN ('registered', 'key_rotated', 'retired')),
    authority     BLOB    NOT NULL CHECK (length(authority) = 32),
    key           BLOB    NOT NULL CHECK (length(key) = 20),
    name          TEXT    NULL,
    block_time    INTEGER NOT NULL,
    PRIMARY KEY (block_number, log_index)
) STRICT;

CREATE INDEX chain_authority_events_by_authority ON chain_authority_events (authority, block_number, log_index);
