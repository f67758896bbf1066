namespace NoticeChain.Ethereum.Abi;

/// <summary>A contract function: its name, parameter and return types, selector, and call/return data codec.</summary>
/// <remarks>
/// <para>
/// The selector is the first 4 bytes of Keccak-256 of the canonical signature (<c>transfer(address,uint256)</c> →
/// <c>a9059cbb</c>); return types are not part of it, as in Solidity, so overloads differ only by parameters.
/// </para>
/// <para>
/// <see cref="EncodeCall"/> takes <c>params object?[]</c>: a single array argument must be passed as
/// <c>EncodeCall((object)array)</c>, otherwise C# spreads it into separate arguments.
/// </para>
/// </remarks>
public sealed class AbiFunction
{
    private readonly byte[] _selector;
    private readonly AbiParameter[] _inputs;
    private readonly AbiParameter[] _outputs;

    /// <summary>Creates a function description.</summary>
    /// <exception cref="AbiException"><paramref name="name"/> is not an identifier, or a parameter is indexed.</exception>
    public AbiFunction(string name, IEnumerable<AbiParameter> inputs, IEnumerable<AbiParameter>? outputs = null, AbiStateMutability stateMutability = AbiStateMutability.NonPayable)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(inputs);
        if (!AbiSignatureParser.IsIdentifier(name))
        {
            throw new AbiException($"Function name '{name}' is not a Solidity identifier.");
        }

        _inputs = [.. inputs];
        _outputs = [.. outputs ?? []];
        if (_inputs.Concat(_outputs).Any(p => p.Indexed))
        {
            throw new AbiException($"Function {name} has an indexed parameter; only event parameters can be indexed.");
        }

        Name = name;
        StateMutability = stateMutability;
        InputTypes = [.. _inputs.Select(p => p.Type)];
        OutputTypes = [.. _outputs.Select(p => p.Type)];
        Signature = AbiSignatureParser.Canonical(name, _inputs);
        _selector = AbiSelector.Compute(Signature);
    }

    /// <summary>The function name.</summary>
    public string Name { get; }

    /// <summary>The parameters.</summary>
    public IReadOnlyList<AbiParameter> Inputs => _inputs;

    /// <summary>The return values.</summary>
    public IReadOnlyList<AbiParameter> Outputs => _outputs;

    /// <summary>The parameter types.</summary>
    public IReadOnlyList<AbiType> InputTypes { get; }

    /// <summary>The return types.</summary>
    public IReadOnlyList<AbiType> OutputTypes { get; }

    /// <summary>Whether the function reads, writes or accepts Ether.</summary>
    public AbiStateMutability StateMutability { get; }

    /// <summary>The canonical signature, e.g. <c>transfer(address,uint256)</c>.</summary>
    public string Signature { get; }

    /// <summary>The 4-byte selector that starts the call data.</summary>
    public ReadOnlySpan<byte> Selector => _selector;

    /// <summary>
    /// Parses a signature such as <c>baz(uint32,bool)</c> or
    /// <c>balanceOf(address owner) view returns (uint256 balance)</c>.
    /// </summary>
    /// <exception cref="AbiException">The signature is malformed.</exception>
    public static AbiFunction Parse(string signature)
    {
        var parsed = AbiSignatureParser.Parse(signature, AbiSignatureKind.Function);
        return new AbiFunction(parsed.Name, parsed.Inputs, parsed.Outputs, parsed.StateMutability);
    }

    /// <summary>True when <paramref name="callData"/> starts with this function's selector.</summary>
    public bool Matches(ReadOnlySpan<byte> callData) => AbiSelector.Matches(callData, _selector);

    /// <summary>Encodes call data: the selector followed by the encoded arguments.</summary>
    /// <exception cref="AbiException">The argument count differs or an argument does not fit its type.</exception>
    public byte[] EncodeCall(params object?[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        return AbiSelector.Encode(_selector, InputTypes, args);
    }

    /// <summary>Decodes call data (selector included) into the named arguments.</summary>
    /// <exception cref="AbiException">The selector differs or the arguments are malformed.</exception>
    public AbiNamedValues DecodeCall(ReadOnlySpan<byte> callData) =>
        new(_inputs, AbiDecoder.Decode(InputTypes, AbiSelector.Strip(callData, _selector, Signature)));

    /// <summary>Encodes return data, as the contract would.</summary>
    /// <exception cref="AbiException">The value count differs or a value does not fit its type.</exception>
    public byte[] EncodeOutput(params object?[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return AbiEncoder.Encode(OutputTypes, values);
    }

    /// <summary>Decodes the return data of a call (for example an <c>eth_call</c> result).</summary>
    /// <exception cref="AbiException">The data is malformed.</exception>
    public AbiNamedValues DecodeOutput(ReadOnlySpan<byte> returnData) => new(_outputs, AbiDecoder.Decode(OutputTypes, returnData));

    /// <summary>Returns the canonical signature.</summary>
    public override string ToString() => Signature;
}
