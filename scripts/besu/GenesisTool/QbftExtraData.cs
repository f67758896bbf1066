using NoticeChain.Ethereum.Crypto;
using NoticeChain.Ethereum.Rlp;

namespace NoticeChain.Besu.GenesisTool;

/// <summary>The QBFT <c>extraData</c> of a block header, as Besu encodes and decodes it.</summary>
/// <remarks>
/// Layout, from Besu's <c>QbftExtraDataCodec</c> (consensus/qbft, <c>encode</c> and <c>decodeRaw</c>) and the
/// genesis example of Besu's "Configure QBFT consensus" page:
/// <c>RLP([vanity (32 bytes), [validator addresses (20 bytes each)], vote, round, [committed seals]])</c>,
/// where <c>vote</c> is the empty list when there is none (else <c>[recipient, 0xff add | empty drop]</c>),
/// <c>round</c> is an RLP scalar (round 0 is the empty string, 0x80) and the seals are 65-byte signatures.
/// A genesis block has 32 zero bytes of vanity, no vote, round 0 and no seals, so its extraData ends in
/// <c>c0 80 c0</c>. This is our own code over our own RLP; nothing of Besu's is copied.
/// </remarks>
internal sealed class QbftExtraData
{
    /// <summary>Length of the vanity field.</summary>
    public const int VanityLength = 32;

    /// <summary>Length of a committed seal (r, s, v).</summary>
    public const int SealLength = 65;

    /// <summary>The vote byte Besu writes for "add"; "drop" is the empty string.</summary>
    private const byte AddVote = 0xff;

    private QbftExtraData(byte[] vanity, IReadOnlyList<Address> validators, QbftVote? vote, ulong round, int sealCount)
    {
        Vanity = vanity;
        Validators = validators;
        Vote = vote;
        Round = round;
        SealCount = sealCount;
    }

    /// <summary>The 32 vanity bytes.</summary>
    public ReadOnlyMemory<byte> Vanity { get; }

    /// <summary>The validators, in the order of the header.</summary>
    public IReadOnlyList<Address> Validators { get; }

    /// <summary>The vote the block carries, if any.</summary>
    public QbftVote? Vote { get; }

    /// <summary>The consensus round the block was proposed in.</summary>
    public ulong Round { get; }

    /// <summary>How many committed seals the header carries (none in a genesis block).</summary>
    public int SealCount { get; }

    /// <summary>True when this is a valid genesis extraData: zero vanity, no vote, round 0, no seals, at least one validator.</summary>
    public bool IsGenesis =>
        !Vanity.Span.ContainsAnyExcept((byte)0) && Vote is null && Round == 0 && SealCount == 0 && Validators.Count > 0;

    /// <summary>Encodes the extraData of a genesis block for the given validators.</summary>
    /// <exception cref="ArgumentException">No validators, or a validator appears twice.</exception>
    public static byte[] EncodeGenesis(IReadOnlyList<Address> validators)
    {
        ArgumentNullException.ThrowIfNull(validators);
        if (validators.Count == 0)
        {
            throw new ArgumentException("A QBFT network needs at least one validator.", nameof(validators));
        }

        if (validators.Distinct().Count() != validators.Count)
        {
            throw new ArgumentException("A validator appears twice.", nameof(validators));
        }

        return RlpItem.List(
            RlpItem.FromBytes(new byte[VanityLength]),
            RlpItem.List(validators.Select(v => RlpItem.FromBytes(v.ToArray()))),
            RlpItem.List(),
            RlpItem.FromUInt64(0),
            RlpItem.List()).Encode();
    }

    /// <summary>Decodes an extraData field strictly.</summary>
    /// <exception cref="RlpException">The bytes are not canonical RLP or not the five-field QBFT layout.</exception>
    public static QbftExtraData Decode(ReadOnlySpan<byte> extraData)
    {
        var root = RlpReader.Decode(extraData);
        if (!root.IsList || root.Items.Count != 5)
        {
            throw new RlpException("QBFT extraData is a list of five items: vanity, validators, vote, round, seals.");
        }

        var vanity = ExpectBytes(root.Items[0], VanityLength, "vanity");
        var validators = ExpectList(root.Items[1], "validators")
            .Select(item => new Address(ExpectBytes(item, Address.Size, "validator address")))
            .ToArray();
        var vote = DecodeVote(root.Items[2]);
        var round = root.Items[3].ToUInt64();
        if (round > uint.MaxValue)
        {
            throw new RlpException("The round is a 32-bit integer in Besu.");
        }

        var seals = ExpectList(root.Items[4], "seals");
        foreach (var seal in seals)
        {
            ExpectBytes(seal, SealLength, "committed seal");
        }

        return new QbftExtraData(vanity, validators, vote, round, seals.Count);
    }

    private static QbftVote? DecodeVote(RlpItem item)
    {
        var fields = ExpectList(item, "vote");
        if (fields.Count == 0)
        {
            return null;
        }

        if (fields.Count != 2)
        {
            throw new RlpException("A vote is a list of recipient and vote type.");
        }

        var recipient = new Address(ExpectBytes(fields[0], Address.Size, "vote recipient"));
        var type = ExpectBytes(fields[1], -1, "vote type");
        return type switch
        {
            [] => new QbftVote(recipient, Add: false),
            [AddVote] => new QbftVote(recipient, Add: true),
            _ => throw new RlpException("The vote type is 0xff (add) or empty (drop)."),
        };
    }

    private static IReadOnlyList<RlpItem> ExpectList(RlpItem item, string field) =>
        item.IsList ? item.Items : throw new RlpException($"The {field} field must be a list.");

    private static byte[] ExpectBytes(RlpItem item, int length, string field)
    {
        if (item.IsList)
        {
            throw new RlpException($"The {field} field must be a byte string.");
        }

        if (length >= 0 && item.Bytes.Length != length)
        {
            throw new RlpException($"The {field} field must be {length} bytes, not {item.Bytes.Length}.");
        }

        return item.Bytes.ToArray();
    }
}
