using System.Diagnostics.CodeAnalysis;

namespace NoticeChain.Ethereum.Abi;

/// <summary>The kinds of ABI type defined by the Solidity ABI specification that this codec supports.</summary>
/// <remarks>
/// The fixed-point types (<c>fixed</c>, <c>ufixed</c>) and the <c>function</c> type are left out on purpose:
/// Solidity cannot fully use the former and no NoticeChain contract exposes the latter, so accepting them
/// would only add untested surface.
/// </remarks>
public enum AbiTypeKind
{
    /// <summary><c>uint&lt;M&gt;</c>: unsigned integer of M bits, 8 ≤ M ≤ 256, M % 8 = 0.</summary>
    UnsignedInteger,

    /// <summary><c>int&lt;M&gt;</c>: two's complement signed integer of M bits.</summary>
    SignedInteger,

    /// <summary><c>address</c>: a 20-byte account address, encoded like <c>uint160</c>.</summary>
    Address,

    /// <summary><c>bool</c>: encoded like <c>uint8</c> restricted to 0 and 1.</summary>
    Bool,

    /// <summary><c>bytes&lt;M&gt;</c>: M bytes, 1 ≤ M ≤ 32, right-padded to a word.</summary>
    FixedBytes,

    /// <summary><c>bytes</c>: a byte sequence of any length.</summary>
    Bytes,

    /// <summary><c>string</c>: UTF-8 text, encoded like <c>bytes</c>.</summary>
    [SuppressMessage("Naming", "CA1720:Identifier contains type name", Justification = "Named after the ABI type in the Solidity specification.")]
    String,

    /// <summary><c>T[k]</c>: exactly k elements of type T.</summary>
    FixedArray,

    /// <summary><c>T[]</c>: a length-prefixed sequence of elements of type T.</summary>
    Array,

    /// <summary><c>(T1,...,Tn)</c>: a tuple (a Solidity struct or a parameter list).</summary>
    Tuple,
}
