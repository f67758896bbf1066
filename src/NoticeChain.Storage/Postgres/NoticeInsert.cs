using Npgsql;
using NpgsqlTypes;
using NoticeChain.Core.Notices;

namespace NoticeChain.Storage.Postgres;

/// <summary>New notices of one submission waiting to be inserted, sent to the server in one statement.</summary>
/// <remarks>
/// One <c>INSERT … SELECT … FROM unnest(…) WITH ORDINALITY ORDER BY ordinality</c> per flush instead of a round trip
/// per notice: 10,000 notices are one statement. Rows are produced in submission order, so the identity column
/// numbers them in that order; the flush checks that it did, because batches rely on it.
/// </remarks>
/// <param name="authority">The submitting authority.</param>
internal sealed class NoticeInsert(byte[] authority)
{
    private readonly List<(int Index, Notice Notice)> _pending = [];

    public void Add(int index, Notice notice) => _pending.Add((index, notice));

    /// <summary>Inserts the pending notices and writes each one's seq to <paramref name="seqs"/> at its submission index.</summary>
    public async Task FlushAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, long[] seqs, CancellationToken cancellationToken)
    {
        if (_pending.Count == 0)
        {
            return;
        }

        using var insert = connection.Command(transaction, """
            INSERT INTO notices (id, authority, digest, salt, leaf, reference, accepted_at)
            SELECT u.id, @authority, u.digest, u.salt, u.leaf, u.reference, u.accepted_at
            FROM unnest(@ids, @digests, @salts, @leaves, @references, @accepted_at)
                 WITH ORDINALITY AS u(id, digest, salt, leaf, reference, accepted_at, ord)
            ORDER BY u.ord
            RETURNING id, seq;
            """)
            .WithBytes("authority", authority)
            .With("ids", NpgsqlDbType.Array | NpgsqlDbType.Uuid, _pending.Select(p => p.Notice.Id.Value).ToArray())
            .With("digests", NpgsqlDbType.Array | NpgsqlDbType.Bytea, _pending.Select(p => p.Notice.Digest.ToArray()).ToArray())
            .With("salts", NpgsqlDbType.Array | NpgsqlDbType.Bytea, _pending.Select(p => p.Notice.Salt.ToArray()).ToArray())
            .With("leaves", NpgsqlDbType.Array | NpgsqlDbType.Bytea, _pending.Select(p => p.Notice.Leaf.ToArray()).ToArray())
            .With("references", NpgsqlDbType.Array | NpgsqlDbType.Text, _pending.Select(p => p.Notice.Reference.Value).ToArray())
            .With("accepted_at", NpgsqlDbType.Array | NpgsqlDbType.TimestampTz, _pending.Select(p => PostgresValues.Truncate(p.Notice.AcceptedAt)).ToArray());

        var byId = _pending.ToDictionary(p => p.Notice.Id.Value, p => p.Index);
        var previous = long.MinValue;
        using (var reader = await insert.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                seqs[byId[reader.GetGuid(0)]] = reader.GetInt64(1);
            }
        }

        foreach (var (index, _) in _pending)
        {
            if (seqs[index] <= previous)
            {
                throw new InvalidOperationException("The database numbered a submission's notices out of submission order.");
            }

            previous = seqs[index];
        }

        _pending.Clear();
    }
}
