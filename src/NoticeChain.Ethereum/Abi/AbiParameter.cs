namespace NoticeChain.Ethereum.Abi;

/// <summary>A named, typed parameter of a function, constructor, event or error; event parameters may be indexed.</summary>
/// <remarks>
/// Names are not part of the encoding or of any selector; they exist so decoded values can be read by name, which
/// keeps callers independent of parameter order. Tuple component names from a JSON ABI are not kept: decoded
/// tuples are positional <c>object?[]</c> values.
/// </remarks>
public sealed class AbiParameter
{
    /// <summary>Creates a parameter.</summary>
    /// <param name="name">A Solidity identifier, or empty for an unnamed parameter.</param>
    /// <param name="type">The ABI type.</param>
    /// <param name="indexed">True for an event parameter that goes into a topic rather than the data.</param>
    /// <exception cref="AbiException"><paramref name="name"/> is neither empty nor an identifier.</exception>
    public AbiParameter(string name, AbiType type, bool indexed = false)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(type);
        if (name.Length != 0 && !AbiSignatureParser.IsIdentifier(name))
        {
            throw new AbiException($"Parameter name '{name}' is not a Solidity identifier.");
        }

        Name = name;
        Type = type;
        Indexed = indexed;
    }

    /// <summary>The parameter name; empty when unnamed.</summary>
    public string Name { get; }

    /// <summary>The ABI type.</summary>
    public AbiType Type { get; }

    /// <summary>True for an indexed event parameter.</summary>
    public bool Indexed { get; }

    /// <summary>Returns the parameter as it would appear in a human-readable signature, e.g. <c>address indexed from</c>.</summary>
    public override string ToString() =>
        string.Join(' ', new[] { Type.CanonicalName, Indexed ? "indexed" : string.Empty, Name }.Where(part => part.Length != 0));
}
