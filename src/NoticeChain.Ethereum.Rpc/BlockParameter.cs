namespace NoticeChain.Ethereum.Rpc;

/// <summary>
/// The block a query refers to: a block number or one of the tags <c>latest</c>, <c>pending</c>,
/// <c>earliest</c>, <c>safe</c> and <c>finalized</c>.
/// </summary>
/// <remarks>
/// <c>default(BlockParameter)</c> is <see cref="Latest"/>, so an optional parameter left out means "the
/// current head", which is what nodes assume as well. On a QBFT network (Besu) blocks are final once mined,
/// so <see cref="Latest"/> is enough there; on Anvil <see cref="Safe"/> and <see cref="Finalized"/> follow
/// the head.
/// </remarks>
public readonly struct BlockParameter : IEquatable<BlockParameter>
{
    private readonly string? _tag;
    private readonly ulong _number;
    private readonly bool _isNumber;

    private BlockParameter(string tag)
    {
        _tag = tag;
    }

    private BlockParameter(ulong number)
    {
        _number = number;
        _isNumber = true;
    }

    /// <summary>The most recent block the node has (the default).</summary>
    public static BlockParameter Latest => default;

    /// <summary>The block being built, including transactions still in the pool.</summary>
    public static BlockParameter Pending => new("pending");

    /// <summary>The genesis block.</summary>
    public static BlockParameter Earliest => new("earliest");

    /// <summary>The most recent block that is safe from reorgs under an honest majority.</summary>
    public static BlockParameter Safe => new("safe");

    /// <summary>The most recent finalized block.</summary>
    public static BlockParameter Finalized => new("finalized");

    /// <summary>The block number, or null for a tag.</summary>
    public ulong? Number => _isNumber ? _number : null;

    /// <summary>A specific block number.</summary>
    public static BlockParameter FromNumber(ulong number) => new(number);

    /// <summary>Converts a block number, so <c>GetBlockByNumberAsync(42, ct)</c> reads naturally.</summary>
    public static implicit operator BlockParameter(ulong number) => new(number);

    /// <summary>The JSON-RPC form: a QUANTITY for a number, otherwise the tag name.</summary>
    public override string ToString() => _isNumber ? Quantity.Format(_number) : _tag ?? "latest";

    /// <inheritdoc />
    public bool Equals(BlockParameter other) =>
        _isNumber == other._isNumber && _number == other._number && (_tag ?? "latest") == (other._tag ?? "latest");

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is BlockParameter other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(_isNumber, _number, _tag ?? "latest");

    /// <summary>True when both refer to the same number or the same tag.</summary>
    public static bool operator ==(BlockParameter left, BlockParameter right) => left.Equals(right);

    /// <summary>True when they refer to different numbers or tags.</summary>
    public static bool operator !=(BlockParameter left, BlockParameter right) => !left.Equals(right);
}
