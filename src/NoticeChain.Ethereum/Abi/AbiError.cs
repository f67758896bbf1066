namespace NoticeChain.Ethereum.Abi;

/// <summary>A Solidity custom error such as <c>error NotGovernance(address caller)</c>: selector and revert-data codec.</summary>
/// <remarks>
/// Revert data is encoded exactly like a call: the 4-byte selector of the error signature, then the encoded
/// arguments. <see cref="RevertReason"/> (<c>Error(string)</c>, from <c>require</c>/<c>revert("...")</c>) and
/// <see cref="Panic"/> (<c>Panic(uint256)</c>, from failed assertions and arithmetic checks) are the two errors the
/// compiler itself emits, so they are predefined for decoding reverts of any contract.
/// </remarks>
public sealed class AbiError
{
    private readonly byte[] _selector;
    private readonly AbiParameter[] _inputs;

    /// <summary>Creates an error description.</summary>
    /// <exception cref="AbiException"><paramref name="name"/> is not an identifier, or a parameter is indexed.</exception>
    public AbiError(string name, IEnumerable<AbiParameter> inputs)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(inputs);
        if (!AbiSignatureParser.IsIdentifier(name))
        {
            throw new AbiException($"Error name '{name}' is not a Solidity identifier.");
        }

        _inputs = [.. inputs];
        if (_inputs.Any(p => p.Indexed))
        {
            throw new AbiException($"Error {name} has an indexed parameter; only event parameters can be indexed.");
        }

        Name = name;
        InputTypes = [.. _inputs.Select(p => p.Type)];
        Signature = AbiSignatureParser.Canonical(name, _inputs);
        _selector = AbiSelector.Compute(Signature);
    }

    /// <summary><c>Error(string message)</c>, selector <c>08c379a0</c>: the revert reason of <c>require(cond, "...")</c>.</summary>
    public static AbiError RevertReason { get; } = Parse("Error(string message)");

    /// <summary><c>Panic(uint256 code)</c>, selector <c>4e487b71</c>: failed <c>assert</c>, overflow, division by zero and similar.</summary>
    public static AbiError Panic { get; } = Parse("Panic(uint256 code)");

    /// <summary>The error name.</summary>
    public string Name { get; }

    /// <summary>The parameters.</summary>
    public IReadOnlyList<AbiParameter> Inputs => _inputs;

    /// <summary>The parameter types.</summary>
    public IReadOnlyList<AbiType> InputTypes { get; }

    /// <summary>The canonical signature, e.g. <c>NotGovernance(address)</c>.</summary>
    public string Signature { get; }

    /// <summary>The 4-byte selector that starts the revert data.</summary>
    public ReadOnlySpan<byte> Selector => _selector;

    /// <summary>Parses a declaration such as <c>NotGovernance(address caller)</c>.</summary>
    /// <exception cref="AbiException">The signature is malformed.</exception>
    public static AbiError Parse(string signature)
    {
        var parsed = AbiSignatureParser.Parse(signature, AbiSignatureKind.Error);
        return new AbiError(parsed.Name, parsed.Inputs);
    }

    /// <summary>True when <paramref name="revertData"/> starts with this error's selector.</summary>
    public bool Matches(ReadOnlySpan<byte> revertData) => AbiSelector.Matches(revertData, _selector);

    /// <summary>Encodes revert data, as the contract would.</summary>
    /// <exception cref="AbiException">The argument count differs or an argument does not fit its type.</exception>
    public byte[] Encode(params object?[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        return AbiSelector.Encode(_selector, InputTypes, args);
    }

    /// <summary>Decodes revert data (selector included) into the named error arguments.</summary>
    /// <exception cref="AbiException">The selector differs or the arguments are malformed.</exception>
    public AbiNamedValues Decode(ReadOnlySpan<byte> revertData) =>
        new(_inputs, AbiDecoder.Decode(InputTypes, AbiSelector.Strip(revertData, _selector, Signature)));

    /// <summary>Returns the canonical signature.</summary>
    public override string ToString() => Signature;
}
