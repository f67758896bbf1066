using Microsoft.Data.Sqlite;
using NoticeChain.Core.Merkle;
using NoticeChain.Core.Notices;
using NoticeChain.Core.Notices.ChainIndex;

namespace NoticeChain.Storage.Sqlite;

/// <summary>The chain follower's side: the cursor and the registry facts, upserted by their natural keys.</summary>
public sealed partial class SqliteNoticeStore
{
    /// <inheritdoc />
    public async Task<ChainCursor?> GetCursorAsync(CancellationToken cancellationToken = default)
    {
        using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        return await ReadCursorAsync(connection, null, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task ApplyAsync(ChainFacts facts, ChainCursor cursor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(cursor);
        using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        using var transaction = connection.BeginTransaction(deferred: false);

        var stored = await ReadCursorAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
        if (stored is not null
            && (cursor.BlockNumber < stored.BlockNumber || (cursor.BlockNumber == stored.BlockNumber && cursor.BlockHash != stored.BlockHash)))
        {
            throw new InvalidOperationException(
                $"The cursor is at block {stored.BlockNumber} ({stored.BlockHash}); moving it to {cursor.BlockNumber} ({cursor.BlockHash}) needs a rewind first.");
        }

        await UpsertAnchorsAsync(connection, transaction, facts.Anchors, cancellationToken).ConfigureAwait(false);
        await UpsertRevocationsAsync(connection, transaction, facts.Revocations, cancellationToken).ConfigureAwait(false);
        await UpsertSupersessionsAsync(connection, transaction, facts.Supersessions, cancellationToken).ConfigureAwait(false);
        await UpsertAuthorityEventsAsync(connection, transaction, facts.AuthorityEvents, cancellationToken).ConfigureAwait(false);
        await WriteCursorAsync(connection, transaction, cursor, cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task RewindAsync(ChainCursor cursor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(cursor);
        using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        using var transaction = connection.BeginTransaction(deferred: false);
        foreach (var table in (string[])["chain_anchors", "chain_revocations", "chain_supersessions", "chain_authority_events"])
        {
            using var delete = connection.Command(transaction, $"DELETE FROM {table} WHERE block_number > $block;")
                .With("$block", SqliteValues.ToInt64(cursor.BlockNumber));
            await delete.ExecuteAsync(cancellationToken).ConfigureAwait(false);
        }

        await WriteCursorAsync(connection, transaction, cursor, cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<AnchorFact?> GetAnchorAsync(MerkleHash root, CancellationToken cancellationToken = default)
    {
        using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        using var command = connection.Command(null, """
            SELECT authority, key, tree_size, anchored_at, block_number, block_hash, tx_hash, log_index
            FROM chain_anchors WHERE root = $root;
            """).With("$root", root.ToArray());
        using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false)
            ? new AnchorFact(
                root,
                SqliteValues.Authority(reader.GetBlob(0)),
                SqliteValues.Address(reader.GetBlob(1)),
                SqliteValues.ToUInt64(reader.GetInt64(2)),
                SqliteValues.FromMilliseconds(reader.GetInt64(3)),
                ReadPosition(reader, 4))
            : null;
    }

    /// <inheritdoc />
    public async Task<RevocationFact?> GetRevocationAsync(AuthorityId authority, MerkleHash leaf, CancellationToken cancellationToken = default)
    {
        using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        using var command = connection.Command(null, """
            SELECT root, reason, effective_at, revoked_at, block_number, block_hash, tx_hash, log_index
            FROM chain_revocations WHERE authority = $authority AND leaf = $leaf;
            """).With("$authority", authority.ToArray()).With("$leaf", leaf.ToArray());
        using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false)
            ? new RevocationFact(
                authority,
                leaf,
                SqliteValues.Hash(reader.GetBlob(0)),
                SqliteValues.Reason(reader.GetInt64(1)),
                SqliteValues.FromMilliseconds(reader.GetInt64(2)),
                SqliteValues.FromMilliseconds(reader.GetInt64(3)),
                ReadPosition(reader, 4))
            : null;
    }

    /// <inheritdoc />
    public async Task<SupersessionFact?> GetSupersessionAsync(AuthorityId authority, MerkleHash oldLeaf, CancellationToken cancellationToken = default)
    {
        using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        using var command = connection.Command(null, """
            SELECT new_leaf, old_root, new_root, reason, effective_at, superseded_at, block_number, block_hash, tx_hash, log_index
            FROM chain_supersessions WHERE authority = $authority AND old_leaf = $leaf;
            """).With("$authority", authority.ToArray()).With("$leaf", oldLeaf.ToArray());
        using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false)
            ? new SupersessionFact(
                authority,
                oldLeaf,
                SqliteValues.Hash(reader.GetBlob(0)),
                SqliteValues.Hash(reader.GetBlob(1)),
                SqliteValues.Hash(reader.GetBlob(2)),
                SqliteValues.Reason(reader.GetInt64(3)),
                SqliteValues.FromMilliseconds(reader.GetInt64(4)),
                SqliteValues.FromMilliseconds(reader.GetInt64(5)),
                ReadPosition(reader, 6))
            : null;
    }

    /// <inheritdoc />
    public async Task<AuthorityRecord?> GetAuthorityAsync(AuthorityId authority, CancellationToken cancellationToken = default)
    {
        using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        using var command = connection.Command(null, """
            SELECT kind, key, name, block_time FROM chain_authority_events
            WHERE authority = $authority ORDER BY block_number, log_index;
            """).With("$authority", authority.ToArray());
        using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);

        var fold = new AuthorityEventFold(authority);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            fold.Add(reader.GetString(0), SqliteValues.Address(reader.GetBlob(1)), reader.GetStringOrNull(2), SqliteValues.FromMilliseconds(reader.GetInt64(3)));
        }

        return fold.Result();
    }

    private static async Task<ChainCursor?> ReadCursorAsync(
        SqliteConnection connection,
        SqliteTransaction? transaction,
        CancellationToken cancellationToken)
    {
        using var command = connection.Command(transaction, "SELECT block_number, block_hash FROM chain_cursor WHERE id = 1;");
        using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false)
            ? new ChainCursor(SqliteValues.ToUInt64(reader.GetInt64(0)), SqliteValues.ChainHash(reader.GetBlob(1)))
            : null;
    }

    private static async Task WriteCursorAsync(
        SqliteConnection connection,
        SqliteTransaction transaction,
        ChainCursor cursor,
        CancellationToken cancellationToken)
    {
        using var command = connection.Command(transaction, """
            INSERT INTO chain_cursor (id, block_number, block_hash) VALUES (1, $number, $hash)
            ON CONFLICT (id) DO UPDATE SET block_number = excluded.block_number, block_hash = excluded.block_hash;
            """).With("$number", SqliteValues.ToInt64(cursor.BlockNumber)).With("$hash", cursor.BlockHash.ToArray());
        await command.ExecuteAsync(cancellationToken).ConfigureAwait(false);
    }

    private static SqliteCommand WithPosition(SqliteCommand command, ChainEventPosition position) => command
        .Set("$block_number", SqliteValues.ToInt64(position.BlockNumber))
        .Set("$block_hash", position.BlockHash.ToArray())
        .Set("$tx_hash", position.TransactionHash.ToArray())
        .Set("$log_index", (long)position.LogIndex);

    private static SqliteCommand PositionParameters(SqliteCommand command) => command
        .With("$block_number", null).With("$block_hash", null).With("$tx_hash", null).With("$log_index", null);

    private static async Task UpsertAnchorsAsync(
        SqliteConnection connection,
        SqliteTransaction transaction,
        IReadOnlyList<AnchorFact> anchors,
        CancellationToken cancellationToken)
    {
        using var upsert = PositionParameters(connection.Command(transaction, """
            INSERT INTO chain_anchors (root, authority, key, tree_size, anchored_at, block_number, block_hash, tx_hash, log_index)
            VALUES ($root, $authority, $key, $tree_size, $anchored_at, $block_number, $block_hash, $tx_hash, $log_index)
            ON CONFLICT (root) DO UPDATE SET
                authority = excluded.authority, key = excluded.key, tree_size = excluded.tree_size,
                anchored_at = excluded.anchored_at, block_number = excluded.block_number, block_hash = excluded.block_hash,
                tx_hash = excluded.tx_hash, log_index = excluded.log_index;
            """)
            .With("$root", null).With("$authority", null).With("$key", null).With("$tree_size", null).With("$anchored_at", null));
        foreach (var anchor in anchors)
        {
            ArgumentNullException.ThrowIfNull(anchor);
            await WithPosition(upsert, anchor.Position)
                .Set("$root", anchor.Root.ToArray()).Set("$authority", anchor.Authority.ToArray()).Set("$key", anchor.Key.ToArray())
                .Set("$tree_size", SqliteValues.ToInt64(anchor.TreeSize)).Set("$anchored_at", SqliteValues.ToMilliseconds(anchor.AnchoredAt))
                .ExecuteAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task UpsertRevocationsAsync(
        SqliteConnection connection,
        SqliteTransaction transaction,
        IReadOnlyList<RevocationFact> revocations,
        CancellationToken cancellationToken)
    {
        using var upsert = PositionParameters(connection.Command(transaction, """
            INSERT INTO chain_revocations (authority, leaf, root, reason, effective_at, revoked_at, block_number, block_hash, tx_hash, log_index)
            VALUES ($authority, $leaf, $root, $reason, $effective_at, $revoked_at, $block_number, $block_hash, $tx_hash, $log_index)
            ON CONFLICT (authority, leaf) DO UPDATE SET
                root = excluded.root, reason = excluded.reason, effective_at = excluded.effective_at,
                revoked_at = excluded.revoked_at, block_number = excluded.block_number, block_hash = excluded.block_hash,
                tx_hash = excluded.tx_hash, log_index = excluded.log_index;
            """)
            .With("$authority", null).With("$leaf", null).With("$root", null).With("$reason", null)
            .With("$effective_at", null).With("$revoked_at", null));
        foreach (var revocation in revocations)
        {
            ArgumentNullException.ThrowIfNull(revocation);
            await WithPosition(upsert, revocation.Position)
                .Set("$authority", revocation.Authority.ToArray()).Set("$leaf", revocation.Leaf.ToArray())
                .Set("$root", revocation.Root.ToArray()).Set("$reason", (long)revocation.Reason)
                .Set("$effective_at", SqliteValues.ToMilliseconds(revocation.EffectiveAt))
                .Set("$revoked_at", SqliteValues.ToMilliseconds(revocation.RevokedAt))
                .ExecuteAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task UpsertSupersessionsAsync(
        SqliteConnection connection,
        SqliteTransaction transaction,
        IReadOnlyList<SupersessionFact> supersessions,
        CancellationToken cancellationToken)
    {
        using var upsert = PositionParameters(connection.Command(transaction, """
            INSERT INTO chain_supersessions (authority, old_leaf, new_leaf, old_root, new_root, reason, effective_at, superseded_at,
                                             block_number, block_hash, tx_hash, log_index)
            VALUES ($authority, $old_leaf, $new_leaf, $old_root, $new_root, $reason, $effective_at, $superseded_at,
                    $block_number, $block_hash, $tx_hash, $log_index)
            ON CONFLICT (authority, old_leaf) DO UPDATE SET
                new_leaf = excluded.new_leaf, old_root = excluded.old_root, new_root = excluded.new_root,
                reason = excluded.reason, effective_at = excluded.effective_at, superseded_at = excluded.superseded_at,
                block_number = excluded.block_number, block_hash = excluded.block_hash,
                tx_hash = excluded.tx_hash, log_index = excluded.log_index;
            """)
            .With("$authority", null).With("$old_leaf", null).With("$new_leaf", null).With("$old_root", null)
            .With("$new_root", null).With("$reason", null).With("$effective_at", null).With("$superseded_at", null));
        foreach (var supersession in supersessions)
        {
            ArgumentNullException.ThrowIfNull(supersession);
            await WithPosition(upsert, supersession.Position)
                .Set("$authority", supersession.Authority.ToArray()).Set("$old_leaf", supersession.OldLeaf.ToArray())
                .Set("$new_leaf", supersession.NewLeaf.ToArray()).Set("$old_root", supersession.OldRoot.ToArray())
                .Set("$new_root", supersession.NewRoot.ToArray()).Set("$reason", (long)supersession.Reason)
                .Set("$effective_at", SqliteValues.ToMilliseconds(supersession.EffectiveAt))
                .Set("$superseded_at", SqliteValues.ToMilliseconds(supersession.SupersededAt))
                .ExecuteAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task UpsertAuthorityEventsAsync(
        SqliteConnection connection,
        SqliteTransaction transaction,
        IReadOnlyList<AuthorityEvent> events,
        CancellationToken cancellationToken)
    {
        using var upsert = PositionParameters(connection.Command(transaction, """
            INSERT INTO chain_authority_events (block_number, log_index, block_hash, tx_hash, kind, authority, key, name, block_time)
            VALUES ($block_number, $log_index, $block_hash, $tx_hash, $kind, $authority, $key, $name, $block_time)
            ON CONFLICT (block_number, log_index) DO UPDATE SET
                block_hash = excluded.block_hash, tx_hash = excluded.tx_hash, kind = excluded.kind,
                authority = excluded.authority, key = excluded.key, name = excluded.name, block_time = excluded.block_time;
            """)
            .With("$kind", null).With("$authority", null).With("$key", null).With("$name", null).With("$block_time", null));
        foreach (var authorityEvent in events)
        {
            ArgumentNullException.ThrowIfNull(authorityEvent);
            var kind = authorityEvent.Kind switch
            {
                AuthorityEventKind.Registered => "registered",
                AuthorityEventKind.KeyRotated => "key_rotated",
                AuthorityEventKind.Retired => "retired",
                _ => throw new ArgumentException($"Unknown authority event kind {authorityEvent.Kind}.", nameof(events)),
            };
            await WithPosition(upsert, authorityEvent.Position)
                .Set("$kind", kind).Set("$authority", authorityEvent.Authority.ToArray()).Set("$key", authorityEvent.Key.ToArray())
                .Set("$name", authorityEvent.Name).Set("$block_time", SqliteValues.ToMilliseconds(authorityEvent.BlockTime))
                .ExecuteAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}
