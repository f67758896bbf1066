using System.Diagnostics.CodeAnalysis;

namespace NoticeChain.Ethereum.Abi;

/// <summary>
/// An ABI type such as <c>uint256</c>, <c>bytes32</c>, <c>string[]</c> or <c>(address,bytes)[2]</c>,
/// immutable and compared by its canonical name.
/// </summary>
/// <remarks>
/// The canonical name is what goes into function selectors and event topics, so it is computed once and
/// is the type's identity: two types are equal exactly when they would hash the same in a signature.
/// Nesting depth and static size are bounded when a type is built, which is what lets the encoder and
/// decoder recurse and compute head sizes without further overflow or stack checks.
/// </remarks>
public sealed class AbiType : IEquatable<AbiType>
{
    /// <summary>The deepest nesting of arrays and tuples accepted (each array suffix or tuple is one level).</summary>
    public const int MaxDepth = 32;

    /// <summary>The largest head block (the static part of the encoding) accepted for one type, in bytes (16 MiB).</summary>
    /// <remarks>
    /// Calldata costs gas per byte, so no transaction can carry anything near this; the bound exists so that
    /// a type like <c>uint256[4294967295]</c> is rejected up front instead of overflowing a head size.
    /// </remarks>
    public const int MaxStaticSize = 1 << 24;

    /// <summary>Size of one ABI word in bytes.</summary>
    public const int WordSize = 32;

    private readonly AbiType[] _components;

    private AbiType(AbiTypeKind kind, int size, AbiType? elementType, AbiType[] components, string canonicalName, int maxDepth = MaxDepth)
    {
        Kind = kind;
        ElementType = elementType;
        _components = components;
        CanonicalName = canonicalName;
        switch (kind)
        {
            case AbiTypeKind.UnsignedInteger or AbiTypeKind.SignedInteger:
                Bits = size;
                break;
            case AbiTypeKind.FixedBytes:
                ByteLength = size;
                break;
            case AbiTypeKind.FixedArray:
                ArrayLength = size;
                break;
            default:
                break;
        }

        long inline;
        switch (kind)
        {
            case AbiTypeKind.FixedArray:
                IsDynamic = elementType!.IsDynamic;
                inline = (long)size * elementType.HeadSize;
                Depth = elementType.Depth + 1;
                break;
            case AbiTypeKind.Array:
                IsDynamic = true;
                inline = WordSize;
                Depth = elementType!.Depth + 1;
                break;
            case AbiTypeKind.Tuple:
                inline = 0;
                int deepest = 0;
                foreach (var component in components)
                {
                    IsDynamic |= component.IsDynamic;
                    inline += component.HeadSize;
                    deepest = Math.Max(deepest, component.Depth);
                }

                Depth = deepest + 1;
                break;
            default:
                IsDynamic = kind is AbiTypeKind.Bytes or AbiTypeKind.String;
                inline = WordSize;
                Depth = 1;
                break;
        }

        if (Depth > maxDepth)
        {
            throw new AbiException($"ABI type '{canonicalName}' nests deeper than {maxDepth} levels.");
        }

        if (inline > MaxStaticSize)
        {
            throw new AbiException($"ABI type '{canonicalName}' has a head of {inline} bytes; at most {MaxStaticSize} are supported.");
        }

        InlineSize = (int)inline;
        HeadSize = IsDynamic ? WordSize : InlineSize;
    }

    /// <summary><c>uint256</c>.</summary>
    public static AbiType UInt256 { get; } = UInt(256);

    /// <summary><c>int256</c>.</summary>
    public static AbiType Int256 { get; } = Int(256);

    /// <summary><c>address</c>.</summary>
    public static AbiType Address { get; } = new(AbiTypeKind.Address, 0, null, [], "address");

    /// <summary><c>bool</c>.</summary>
    public static AbiType Bool { get; } = new(AbiTypeKind.Bool, 0, null, [], "bool");

    /// <summary><c>bytes32</c>.</summary>
    public static AbiType Bytes32 { get; } = FixedBytes(32);

    /// <summary><c>bytes</c>.</summary>
    public static AbiType Bytes { get; } = new(AbiTypeKind.Bytes, 0, null, [], "bytes");

    /// <summary><c>string</c>.</summary>
    [SuppressMessage("Naming", "CA1720:Identifier contains type name", Justification = "Named after the ABI type in the Solidity specification.")]
    public static AbiType String { get; } = new(AbiTypeKind.String, 0, null, [], "string");

    /// <summary>What kind of type this is.</summary>
    public AbiTypeKind Kind { get; }

    /// <summary>The bit width M of <c>uint&lt;M&gt;</c> and <c>int&lt;M&gt;</c>; 0 for other kinds.</summary>
    public int Bits { get; }

    /// <summary>The byte count M of <c>bytes&lt;M&gt;</c>; 0 for other kinds.</summary>
    public int ByteLength { get; }

    /// <summary>The element count k of <c>T[k]</c>; 0 for other kinds.</summary>
    public int ArrayLength { get; }

    /// <summary>The element type of <c>T[k]</c> and <c>T[]</c>; null for other kinds.</summary>
    public AbiType? ElementType { get; }

    /// <summary>The component types of a tuple; empty for other kinds.</summary>
    public IReadOnlyList<AbiType> Components => _components;

    /// <summary>The canonical name used in signatures, e.g. <c>(uint256,bytes)[]</c>.</summary>
    public string CanonicalName { get; }

    /// <summary>
    /// True for <c>bytes</c>, <c>string</c>, <c>T[]</c>, and arrays and tuples that contain a dynamic type;
    /// a dynamic value is encoded in the tail and referenced by an offset in the head.
    /// </summary>
    public bool IsDynamic { get; }

    /// <summary>Bytes this type occupies in the head of an enclosing tuple: 32 for dynamic types, else the static size.</summary>
    public int HeadSize { get; }

    /// <summary>Bytes the heads of this type's own members take (a tuple's or fixed array's head block); 32 for the rest.</summary>
    internal int InlineSize { get; }

    /// <summary>Nesting depth: 1 for elementary types.</summary>
    internal int Depth { get; }

    /// <summary>True for the types whose whole encoding is one word: integers, address, bool and <c>bytes&lt;M&gt;</c>.</summary>
    internal bool IsElementary => Kind is AbiTypeKind.UnsignedInteger or AbiTypeKind.SignedInteger
        or AbiTypeKind.Address or AbiTypeKind.Bool or AbiTypeKind.FixedBytes;

    /// <summary>Returns <c>uint&lt;bits&gt;</c>.</summary>
    /// <exception cref="AbiException"><paramref name="bits"/> is not a multiple of 8 in 8..256.</exception>
    [SuppressMessage("Naming", "CA1720:Identifier contains type name", Justification = "Named after the ABI type in the Solidity specification.")]
    public static AbiType UInt(int bits)
    {
        CheckBits(bits);
        return new AbiType(AbiTypeKind.UnsignedInteger, bits, null, [], string.Create(null, $"uint{bits}"));
    }

    /// <summary>Returns <c>int&lt;bits&gt;</c>.</summary>
    /// <exception cref="AbiException"><paramref name="bits"/> is not a multiple of 8 in 8..256.</exception>
    [SuppressMessage("Naming", "CA1720:Identifier contains type name", Justification = "Named after the ABI type in the Solidity specification.")]
    public static AbiType Int(int bits)
    {
        CheckBits(bits);
        return new AbiType(AbiTypeKind.SignedInteger, bits, null, [], string.Create(null, $"int{bits}"));
    }

    /// <summary>Returns <c>bytes&lt;length&gt;</c>.</summary>
    /// <exception cref="AbiException"><paramref name="length"/> is not in 1..32.</exception>
    public static AbiType FixedBytes(int length)
    {
        if (length is < 1 or > WordSize)
        {
            throw new AbiException($"bytes<M> needs 1 <= M <= 32, not {length}.");
        }

        return new AbiType(AbiTypeKind.FixedBytes, length, null, [], string.Create(null, $"bytes{length}"));
    }

    /// <summary>Returns the dynamic array type <c>T[]</c>.</summary>
    public static AbiType ArrayOf(AbiType elementType)
    {
        ArgumentNullException.ThrowIfNull(elementType);
        return new AbiType(AbiTypeKind.Array, 0, elementType, [], elementType.CanonicalName + "[]");
    }

    /// <summary>Returns the fixed-size array type <c>T[length]</c>.</summary>
    /// <exception cref="AbiException"><paramref name="length"/> is negative, or the array is too large or too deep.</exception>
    public static AbiType FixedArrayOf(AbiType elementType, int length)
    {
        ArgumentNullException.ThrowIfNull(elementType);
        if (length < 0)
        {
            throw new AbiException($"A fixed array length cannot be negative ({length}).");
        }

        return new AbiType(AbiTypeKind.FixedArray, length, elementType, [], string.Create(null, $"{elementType.CanonicalName}[{length}]"));
    }

    /// <summary>Returns the tuple type <c>(T1,...,Tn)</c>.</summary>
    public static AbiType Tuple(params AbiType[] components) => Tuple((IEnumerable<AbiType>)components);

    /// <summary>Returns the tuple type <c>(T1,...,Tn)</c>.</summary>
    public static AbiType Tuple(IEnumerable<AbiType> components)
    {
        ArgumentNullException.ThrowIfNull(components);
        var copy = components.ToArray();
        foreach (var component in copy)
        {
            ArgumentNullException.ThrowIfNull(component, nameof(components));
        }

        return new AbiType(AbiTypeKind.Tuple, 0, null, copy, "(" + string.Join(',', copy.Select(c => c.CanonicalName)) + ")");
    }

    /// <summary>The tuple of a whole parameter list, which may hold parameters that are themselves at the depth limit.</summary>
    internal static AbiType ParameterList(IReadOnlyList<AbiType> types)
    {
        var copy = types.ToArray();
        foreach (var type in copy)
        {
            ArgumentNullException.ThrowIfNull(type, nameof(types));
        }

        return new AbiType(AbiTypeKind.Tuple, 0, null, copy, "(" + string.Join(',', copy.Select(c => c.CanonicalName)) + ")", MaxDepth + 1);
    }

    /// <summary>
    /// Parses a type string such as <c>uint256</c>, <c>bytes3[2]</c> or <c>(uint256,bytes)[]</c>;
    /// <c>uint</c> and <c>int</c> are read as <c>uint256</c> and <c>int256</c>.
    /// </summary>
    /// <remarks>No whitespace is allowed: a type string is the canonical form that goes into a signature.</remarks>
    /// <exception cref="AbiException">The text is not a supported ABI type.</exception>
    public static AbiType Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return AbiTypeParser.Parse(text);
    }

    /// <summary>Parses a type string, returning false instead of throwing when it is not a supported ABI type.</summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out AbiType? type)
    {
        type = null;
        if (text is null)
        {
            return false;
        }

        try
        {
            type = AbiTypeParser.Parse(text);
            return true;
        }
        catch (AbiException)
        {
            return false;
        }
    }

    /// <summary>Equal when the canonical names are equal.</summary>
    public static bool operator ==(AbiType? left, AbiType? right) => Equals(left, right);

    /// <summary>Different when the canonical names differ.</summary>
    public static bool operator !=(AbiType? left, AbiType? right) => !Equals(left, right);

    /// <inheritdoc />
    public bool Equals(AbiType? other) => other is not null && string.Equals(CanonicalName, other.CanonicalName, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is AbiType other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(CanonicalName);

    /// <summary>Returns the canonical name.</summary>
    public override string ToString() => CanonicalName;

    /// <summary>The type of the member at <paramref name="index"/> of a tuple or array.</summary>
    internal AbiType MemberAt(int index) => Kind == AbiTypeKind.Tuple ? _components[index] : ElementType!;

    private static void CheckBits(int bits)
    {
        if (bits is < 8 or > 256 || bits % 8 != 0)
        {
            throw new AbiException($"Integer types need a bit width that is a multiple of 8 in 8..256, not {bits}.");
        }
    }
}
