using System.Numerics;
using NoticeChain.Ethereum.Abi;
using NoticeChain.Ethereum.Crypto;

namespace NoticeChain.Ethereum.Tests.Abi;

/// <summary>Seeded generator of random ABI types and of values in the decoder's representation, for property tests.</summary>
internal sealed class AbiRandomValues(int seed)
{
    private static readonly string[] TextPieces = ["a", "Z", "0", " ", "ä", "€", "漢", "\U0001F600", "\u0000", "Bescheid", "\n"];

    private readonly Random _random = new(seed);

    public AbiType NextType(int depth = 0)
    {
        int choice = _random.Next(depth >= 3 ? 7 : 10);
        return choice switch
        {
            0 => AbiType.UInt(8 * _random.Next(1, 33)),
            1 => AbiType.Int(8 * _random.Next(1, 33)),
            2 => AbiType.Address,
            3 => AbiType.Bool,
            4 => AbiType.FixedBytes(_random.Next(1, 33)),
            5 => AbiType.Bytes,
            6 => AbiType.String,
            7 => AbiType.FixedArrayOf(NextType(depth + 1), _random.Next(0, 4)),
            8 => AbiType.ArrayOf(NextType(depth + 1)),
            _ => AbiType.Tuple(Enumerable.Range(0, _random.Next(0, 4)).Select(_ => NextType(depth + 1)).ToArray()),
        };
    }

    public object? NextValue(AbiType type) => type.Kind switch
    {
        AbiTypeKind.UnsignedInteger => NextUnsigned(type.Bits),
        AbiTypeKind.SignedInteger => NextSigned(type.Bits),
        AbiTypeKind.Address => new Address(NextBytes(20)),
        AbiTypeKind.Bool => _random.Next(2) == 1,
        AbiTypeKind.FixedBytes => NextBytes(type.ByteLength),
        AbiTypeKind.Bytes => NextBytes(_random.Next(0, 3) == 0 ? _random.Next(0, 100) : _random.Next(0, 33)),
        AbiTypeKind.String => string.Concat(Enumerable.Range(0, _random.Next(0, 12)).Select(_ => TextPieces[_random.Next(TextPieces.Length)])),
        AbiTypeKind.FixedArray => Enumerable.Range(0, type.ArrayLength).Select(_ => NextValue(type.ElementType!)).ToArray(),
        AbiTypeKind.Array => Enumerable.Range(0, _random.Next(0, 4)).Select(_ => NextValue(type.ElementType!)).ToArray(),
        _ => type.Components.Select(NextValue).ToArray(),
    };

    public int Next(int maxExclusive) => _random.Next(maxExclusive);

    public byte[] NextBytes(int count)
    {
        var bytes = new byte[count];
        _random.NextBytes(bytes);
        return bytes;
    }

    private BigInteger NextUnsigned(int bits)
    {
        var max = (BigInteger.One << bits) - 1;
        return _random.Next(4) switch
        {
            0 => BigInteger.Zero,
            1 => max,
            _ => new BigInteger(NextBytes(bits / 8), isUnsigned: true, isBigEndian: true),
        };
    }

    private BigInteger NextSigned(int bits)
    {
        var half = BigInteger.One << (bits - 1);
        return _random.Next(6) switch
        {
            0 => -half,
            1 => half - 1,
            2 => BigInteger.MinusOne,
            _ => new BigInteger(NextBytes(bits / 8), isUnsigned: false, isBigEndian: true),
        };
    }
}
