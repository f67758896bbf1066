using Npgsql;
using NpgsqlTypes;
using NoticeChain.Core.Merkle;
using NoticeChain.Core.Notices;
using NoticeChain.Core.Notices.ChainIndex;

namespace NoticeChain.Storage.Postgres;

/// <summary>The chain follower's side: the cursor and the registry facts, upserted by their natural keys.</summary>
/// <remarks>
/// Applying and rewinding hold one advisory lock for the whole index, so the cursor check and the facts it covers
/// are atomic against a second follower in another process: one of them applies a range, the other then finds the
/// cursor moved and applies the same range again (a no-op) or is told to rewind.
/// </remarks>
public sealed partial class PostgresNoticeStore
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
        using var transaction = await BeginWriteAsync(connection, cancellationToken).ConfigureAwait(false);
        await PostgresLocks.ChainIndexAsync(connection, transaction, cancellationToken).ConfigureAwait(false);

        var stored = await ReadCursorAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
        if (stored is not null
            && (cursor.BlockNumber < stored.BlockNumber || (cursor.BlockNumber == stored.BlockNumber && cursor.BlockHash != stored.BlockHash)))
        {
            throw new InvalidOperationException(
                $"The cursor is at block {stored.BlockNumber} ({stored.BlockHash}); moving it to {cursor.BlockNumber} ({cursor.BlockHash}) needs a rewind first.");
        }

        foreach (var anchor in facts.Anchors)
        {
            ArgumentNullException.ThrowIfNull(anchor);
            using var upsert = WithPosition(connection.Command(transaction, """
                INSERT INTO chain_anchors (root, authority, key, tree_size, anchored_at, block_number, block_hash, tx_hash, log_index)
                VALUES (@root, @authority, @key, @tree_size, @anchored_at, @block_number, @block_hash, @tx_hash, @log_index)
                ON CONFLICT (root) DO UPDATE SET
                    authority = excluded.authority, key = excluded.key, tree_size = excluded.tree_size,
                    anchored_at = excluded.anchored_at, block_number = excluded.block_number, block_hash = excluded.block_hash,
                    tx_hash = excluded.tx_hash, log_index = excluded.log_index;
                """), anchor.Position)
                .WithBytes("root", anchor.Root.ToArray()).WithBytes("authority", anchor.Authority.ToArray())
                .WithBytes("key", anchor.Key.ToArray()).WithInt64("tree_size", PostgresValues.ToInt64(anchor.TreeSize))
                .WithTime("anchored_at", anchor.AnchoredAt);
            await upsert.ExecuteAsync(cancellationToken).ConfigureAwait(false);
        }

        foreach (var revocation in facts.Revocations)
        {
            ArgumentNullException.ThrowIfNull(revocation);
            using var upsert = WithPosition(connection.Command(transaction, """
                INSERT INTO chain_revocations (authority, leaf, root, reason, effective_at, revoked_at, block_number, block_hash, tx_hash, log_index)
                VALUES (@authority, @leaf, @root, @reason, @effective_at, @revoked_at, @block_number, @block_hash, @tx_hash, @log_index)
                ON CONFLICT (authority, leaf) DO UPDATE SET
                    root = excluded.root, reason = excluded.reason, effective_at = excluded.effective_at,
                    revoked_at = excluded.revoked_at, block_number = excluded.block_number, block_hash = excluded.block_hash,
                    tx_hash = excluded.tx_hash, log_index = excluded.log_index;
                """), revocation.Position)
                .WithBytes("authority", revocation.Authority.ToArray()).WithBytes("leaf", revocation.Leaf.ToArray())
                .WithBytes("root", revocation.Root.ToArray()).With("reason", NpgsqlDbType.Smallint, (short)revocation.Reason)
                .WithTime("effective_at", revocation.EffectiveAt).WithTime("revoked_at", revocation.RevokedAt);
            await upsert.ExecuteAsync(cancellationToken).ConfigureAwait(false);
        }

        foreach (var supersession in facts.Supersessions)
        {
            ArgumentNullException.ThrowIfNull(supersession);
            using var upsert = WithPosition(connection.Command(transaction, """
                INSERT INTO chain_supersessions (authority, old_leaf, new_leaf, old_root, new_root, reason, effective_at, superseded_at,
                                                 block_number, block_hash, tx_hash, log_index)
                VALUES (@authority, @old_leaf, @new_leaf, @old_root, @new_root, @reason, @effective_at, @superseded_at,
                        @block_number, @block_hash, @tx_hash, @log_index)
                ON CONFLICT (authority, old_leaf) DO UPDATE SET
                    new_leaf = excluded.new_leaf, old_root = excluded.old_root, new_root = excluded.new_root,
                    reason = excluded.reason, effective_at = excluded.effective_at, superseded_at = excluded.superseded_at,
                    block_number = excluded.block_number, block_hash = excluded.block_hash,
                    tx_hash = excluded.tx_hash, log_index = excluded.log_index;
                """), supersession.Position)
                .WithBytes("authority", supersession.Authority.ToArray()).WithBytes("old_leaf", supersession.OldLeaf.ToArray())
                .WithBytes("new_leaf", supersession.NewLeaf.ToArray()).WithBytes("old_root", supersession.OldRoot.ToArray())
                .WithBytes("new_root", supersession.NewRoot.ToArray()).With("reason", NpgsqlDbType.Smallint, (short)supersession.Reason)
                .WithTime("effective_at", supersession.EffectiveAt).WithTime("superseded_at", supersession.SupersededAt);
            await upsert.ExecuteAsync(cancellationToken).ConfigureAwait(false);
        }

        foreach (var authorityEvent in facts.AuthorityEvents)
        {
            ArgumentNullException.ThrowIfNull(authorityEvent);
            var kind = authorityEvent.Kind switch
            {
                AuthorityEventKind.Registered => "registered",
                AuthorityEventKind.KeyRotated => "key_rotated",
                AuthorityEventKind.Retired => "retired",
                _ => throw new ArgumentException($"Unknown authority event kind {authorityEvent.Kind}.", nameof(facts)),
            };
            using var upsert = WithPosition(connection.Command(transaction, """
                INSERT INTO chain_authority_events (block_number, log_index, block_hash, tx_hash, kind, authority, key, name, block_time)
                VALUES (@block_number, @log_index, @block_hash, @tx_hash, @kind, @authority, @key, @name, @block_time)
                ON CONFLICT (block_number, log_index) DO UPDATE SET
                    block_hash = excluded.block_hash, tx_hash = excluded.tx_hash, kind = excluded.kind,
                    authority = excluded.authority, key = excluded.key, name = excluded.name, block_time = excluded.block_time;
                """), authorityEvent.Position)
                .WithText("kind", kind).WithBytes("authority", authorityEvent.Authority.ToArray())
                .WithBytes("key", authorityEvent.Key.ToArray()).WithText("name", authorityEvent.Name)
                .WithTime("block_time", authorityEvent.BlockTime);
            await upsert.ExecuteAsync(cancellationToken).ConfigureAwait(false);
        }

        await WriteCursorAsync(connection, transaction, cursor, cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task RewindAsync(ChainCursor cursor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(cursor);
        using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        using var transaction = await BeginWriteAsync(connection, cancellationToken).ConfigureAwait(false);
        await PostgresLocks.ChainIndexAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
        using (var delete = connection.Command(transaction, """
            DELETE FROM chain_anchors WHERE block_number > @block;
            DELETE FROM chain_revocations WHERE block_number > @block;
            DELETE FROM chain_supersessions WHERE block_number > @block;
            DELETE FROM chain_authority_events WHERE block_number > @block;
            """).WithInt64("block", PostgresValues.ToInt64(cursor.BlockNumber)))
        {
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
            FROM chain_anchors WHERE root = @root;
            """).WithBytes("root", root.ToArray());
        using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false)
            ? new AnchorFact(
                root,
                reader.GetAuthority(0),
                reader.GetAddress(1),
                reader.GetUInt64(2),
                reader.GetTime(3),
                PostgresNoticeRows.ReadPosition(reader, 4))
            : null;
    }

    /// <inheritdoc />
    public async Task<RevocationFact?> GetRevocationAsync(AuthorityId authority, MerkleHash leaf, CancellationToken cancellationToken = default)
    {
        using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        using var command = connection.Command(null, """
            SELECT root, reason, effective_at, revoked_at, block_number, block_hash, tx_hash, log_index
            FROM chain_revocations WHERE authority = @authority AND leaf = @leaf;
            """).WithBytes("authority", authority.ToArray()).WithBytes("leaf", leaf.ToArray());
        using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false)
            ? new RevocationFact(
                authority,
                leaf,
                reader.GetHash(0),
                reader.GetReason(1),
                reader.GetTime(2),
                reader.GetTime(3),
                PostgresNoticeRows.ReadPosition(reader, 4))
            : null;
    }

    /// <inheritdoc />
    public async Task<SupersessionFact?> GetSupersessionAsync(AuthorityId authority, MerkleHash oldLeaf, CancellationToken cancellationToken = default)
    {
        using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        using var command = connection.Command(null, """
            SELECT new_leaf, old_root, new_root, reason, effective_at, superseded_at, block_number, block_hash, tx_hash, log_index
            FROM chain_supersessions WHERE authority = @authority AND old_leaf = @leaf;
            """).WithBytes("authority", authority.ToArray()).WithBytes("leaf", oldLeaf.ToArray());
        using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false)
            ? new SupersessionFact(
                authority,
                oldLeaf,
                reader.GetHash(0),
                reader.GetHash(1),
                reader.GetHash(2),
                reader.GetReason(3),
                reader.GetTime(4),
                reader.GetTime(5),
                PostgresNoticeRows.ReadPosition(reader, 6))
            : null;
    }

    /// <inheritdoc />
    public async Task<AuthorityRecord?> GetAuthorityAsync(AuthorityId authority, CancellationToken cancellationToken = default)
    {
        using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        using var command = connection.Command(null, """
            SELECT kind, key, name, block_time FROM chain_authority_events
            WHERE authority = @authority ORDER BY block_number, log_index;
            """).WithBytes("authority", authority.ToArray());
        using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var fold = new AuthorityEventFold(authority);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            fold.Add(reader.GetString(0), reader.GetAddress(1), reader.GetStringOrNull(2), reader.GetTime(3));
        }

        return fold.Result();
    }

    private static async Task<ChainCursor?> ReadCursorAsync(
        NpgsqlConnection connection,
        NpgsqlTransaction? transaction,
        CancellationToken cancellationToken)
    {
        using var command = connection.Command(transaction, "SELECT block_number, block_hash FROM chain_cursor WHERE id = 1;");
        using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false)
            ? new ChainCursor(reader.GetUInt64(0), reader.GetChainHash(1))
            : null;
    }

    private static async Task WriteCursorAsync(
        NpgsqlConnection connection,
        NpgsqlTransaction transaction,
        ChainCursor cursor,
        CancellationToken cancellationToken)
    {
        using var command = connection.Command(transaction, """
            INSERT INTO chain_cursor (id, block_number, block_hash) VALUES (1, @number, @hash)
            ON CONFLICT (id) DO UPDATE SET block_number = excluded.block_number, block_hash = excluded.block_hash;
            """).WithInt64("number", PostgresValues.ToInt64(cursor.BlockNumber)).WithBytes("hash", cursor.BlockHash.ToArray());
        await command.ExecuteAsync(cancellationToken).ConfigureAwait(false);
    }

    private static NpgsqlCommand WithPosition(NpgsqlCommand command, ChainEventPosition position) => command
        .WithInt64("block_number", PostgresValues.ToInt64(position.BlockNumber))
        .WithBytes("block_hash", position.BlockHash.ToArray())
        .WithBytes("tx_hash", position.TransactionHash.ToArray())
        .WithInt64("log_index", position.LogIndex);
}
