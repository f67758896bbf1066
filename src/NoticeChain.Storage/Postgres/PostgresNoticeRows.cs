using Npgsql;
using NoticeChain.Core.Notices;
using NoticeChain.Core.Notices.ChainIndex;

namespace NoticeChain.Storage.Postgres;

/// <summary>The SQL that reads a notice with everything its status derives from, and the mapping of its rows.</summary>
internal static class PostgresNoticeRows
{
    /// <summary>Reads a notice with everything its status derives from. Followed by a WHERE on <c>n</c>.</summary>
    public const string Select = """
        SELECT n.seq, n.id, n.authority, n.digest, n.salt, n.leaf, n.reference, n.accepted_at,
               a.mined_at, old.id,
               rr.reason, rr.effective_at, rr.requested_at,
               cr.root, cr.reason, cr.effective_at, cr.revoked_at, cr.block_number, cr.block_hash, cr.tx_hash, cr.log_index,
               cs.new_leaf, cs.old_root, cs.new_root, cs.reason, cs.effective_at, cs.superseded_at,
               cs.block_number, cs.block_hash, cs.tx_hash, cs.log_index,
               (SELECT sb.id FROM notices sb WHERE sb.authority = n.authority AND sb.leaf = cs.new_leaf LIMIT 1)
        FROM notices n
        LEFT JOIN chain_actions a ON a.id = n.batch_id AND a.mined_tx IS NOT NULL
        LEFT JOIN supersession_requests sr ON sr.new_notice_seq = n.seq
        LEFT JOIN notices old ON old.seq = sr.old_notice_seq
        LEFT JOIN revocation_requests rr ON rr.notice_seq = n.seq
        LEFT JOIN chain_revocations cr ON cr.authority = n.authority AND cr.leaf = n.leaf
        LEFT JOIN chain_supersessions cs ON cs.authority = n.authority AND cs.old_leaf = n.leaf
        """;

    /// <summary>True when the notice <c>n</c> is neither revoked nor superseded, on chain or by a request on record.</summary>
    public const string InForceCondition = """
        NOT EXISTS (SELECT 1 FROM supersession_requests x WHERE x.old_notice_seq = n.seq)
        AND NOT EXISTS (SELECT 1 FROM revocation_requests x WHERE x.notice_seq = n.seq)
        AND NOT EXISTS (SELECT 1 FROM chain_revocations x WHERE x.authority = n.authority AND x.leaf = n.leaf)
        AND NOT EXISTS (SELECT 1 FROM chain_supersessions x WHERE x.authority = n.authority AND x.old_leaf = n.leaf)
        """;

    /// <summary>What a receipt is built from (12 columns, see <see cref="ReadReceipt"/>), null columns while the notice
    /// is not anchored; needs <see cref="ReceiptFrom"/>.</summary>
    public const string ReceiptColumns = """
        n.digest, n.salt, n.leaf_index, n.batch_id, b.root,
        a.mined_tx, a.mined_block_number, a.mined_block_hash, a.mined_at,
        t.sender, t.chain_id, t.recipient
        """;

    /// <summary>The notice <c>n</c> with its batch and the mined transaction that anchored it, if any.</summary>
    public const string ReceiptFrom = """
        FROM notices n
        LEFT JOIN batches b ON b.action_id = n.batch_id
        LEFT JOIN chain_actions a ON a.id = n.batch_id AND a.mined_tx IS NOT NULL
        LEFT JOIN transactions t ON t.hash = a.mined_tx
        """;

    /// <summary>Builds a notice from a row of <see cref="Select"/>.</summary>
    public static Notice Read(NpgsqlDataReader reader)
    {
        var authority = reader.GetAuthority(2);
        var leaf = reader.GetHash(5);
        var anchoredAt = reader.GetTimeOrNull(8);

        RevocationRequest? request = reader.IsDBNull(10)
            ? null
            : new RevocationRequest(reader.GetReason(10), reader.GetTime(11), reader.GetTime(12));

        RevocationFact? revocation = reader.IsDBNull(13)
            ? null
            : new RevocationFact(
                authority,
                leaf,
                reader.GetHash(13),
                reader.GetReason(14),
                reader.GetTime(15),
                reader.GetTime(16),
                ReadPosition(reader, 17));

        SupersessionFact? supersession = reader.IsDBNull(21)
            ? null
            : new SupersessionFact(
                authority,
                leaf,
                reader.GetHash(21),
                reader.GetHash(22),
                reader.GetHash(23),
                reader.GetReason(24),
                reader.GetTime(25),
                reader.GetTime(26),
                ReadPosition(reader, 27));

        var status = revocation is not null ? NoticeStatus.Revoked
            : supersession is not null ? NoticeStatus.Superseded
            : anchoredAt is not null ? NoticeStatus.Anchored
            : NoticeStatus.Pending;

        return new Notice
        {
            Id = reader.GetNoticeId(1),
            Authority = authority,
            Digest = reader.GetDigest(3),
            Salt = reader.GetSalt(4),
            Leaf = leaf,
            Reference = NoticeReference.Parse(reader.GetString(6)),
            AcceptedAt = reader.GetTime(7),
            Status = status,
            AnchoredAt = anchoredAt,
            Supersedes = reader.GetNoticeIdOrNull(9),
            RevocationRequest = request,
            Revocation = revocation,
            Supersession = supersession,
            SupersededBy = reader.GetNoticeIdOrNull(31),
        };
    }

    /// <summary>The receipt's data from the 12 columns of <see cref="ReceiptColumns"/> starting at <paramref name="first"/>,
    /// or null when the notice is not anchored (in no batch, or its batch is not mined).</summary>
    public static StoredReceipt? ReadReceipt(NpgsqlDataReader reader, int first)
    {
        if (reader.IsDBNull(first + 3) || reader.IsDBNull(first + 5) || reader.IsDBNull(first + 9))
        {
            return null;
        }

        return new StoredReceipt(
            reader.GetDigest(first),
            reader.GetSalt(first + 1),
            reader.GetUInt64(first + 2),
            reader.GetInt64(first + 3),
            reader.GetHash(first + 4),
            reader.GetChainHash(first + 5),
            reader.GetUInt64(first + 6),
            reader.GetChainHash(first + 7),
            reader.GetTime(first + 8),
            reader.GetAddress(first + 9),
            reader.GetUInt64(first + 10),
            reader.GetAddress(first + 11));
    }

    /// <summary>Reads block number, block hash, transaction hash and log index from four consecutive columns.</summary>
    public static ChainEventPosition ReadPosition(NpgsqlDataReader reader, int first) => new(
        reader.GetUInt64(first),
        reader.GetChainHash(first + 1),
        reader.GetChainHash(first + 2),
        checked((uint)reader.GetInt64(first + 3)));
}
