namespace NoticeChain.Ethereum.Abi;

/// <summary>A contract constructor: its parameters, and the encoding of a deployment (bytecode followed by the arguments).</summary>
/// <remarks>
/// A constructor has no selector: the EVM runs the creation bytecode, which reads its ABI-encoded arguments
/// from the end of its own code. That is why deployment data is simply <c>bytecode || enc(args)</c>.
/// </remarks>
public sealed class AbiConstructor
{
    private readonly AbiParameter[] _inputs;

    /// <summary>Creates a constructor description.</summary>
    public AbiConstructor(IEnumerable<AbiParameter> inputs, AbiStateMutability stateMutability = AbiStateMutability.NonPayable)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        _inputs = [.. inputs];
        if (_inputs.Any(p => p.Indexed))
        {
            throw new AbiException("A constructor parameter cannot be indexed.");
        }

        InputTypes = [.. _inputs.Select(p => p.Type)];
        StateMutability = stateMutability;
    }

    /// <summary>The implicit constructor of a contract that declares none: no parameters.</summary>
    public static AbiConstructor Default { get; } = new([]);

    /// <summary>The parameters.</summary>
    public IReadOnlyList<AbiParameter> Inputs => _inputs;

    /// <summary>The parameter types.</summary>
    public IReadOnlyList<AbiType> InputTypes { get; }

    /// <summary>Whether the constructor accepts Ether.</summary>
    public AbiStateMutability StateMutability { get; }

    /// <summary>Parses a declaration such as <c>constructor(address governance)</c>.</summary>
    /// <exception cref="AbiException">The text is malformed or not named <c>constructor</c>.</exception>
    public static AbiConstructor Parse(string signature)
    {
        var parsed = AbiSignatureParser.Parse(signature, AbiSignatureKind.Constructor);
        if (parsed.Name != "constructor")
        {
            throw new AbiException($"Expected 'constructor(...)', got '{signature}'.");
        }

        return new AbiConstructor(parsed.Inputs, parsed.StateMutability);
    }

    /// <summary>Encodes the constructor arguments alone.</summary>
    /// <exception cref="AbiException">The argument count differs or an argument does not fit its type.</exception>
    public byte[] EncodeArguments(params object?[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        return AbiEncoder.Encode(InputTypes, args);
    }

    /// <summary>Encodes the data of a contract-creation transaction: <paramref name="bytecode"/> followed by the encoded arguments.</summary>
    /// <exception cref="AbiException">The argument count differs or an argument does not fit its type.</exception>
    public byte[] EncodeDeployment(ReadOnlySpan<byte> bytecode, params object?[] args)
    {
        var arguments = EncodeArguments(args);
        var data = new byte[bytecode.Length + arguments.Length];
        bytecode.CopyTo(data);
        arguments.CopyTo(data.AsSpan(bytecode.Length));
        return data;
    }

    /// <summary>Decodes encoded constructor arguments (without the bytecode).</summary>
    /// <exception cref="AbiException">The data is malformed.</exception>
    public AbiNamedValues DecodeArguments(ReadOnlySpan<byte> encodedArguments) =>
        new(_inputs, AbiDecoder.Decode(InputTypes, encodedArguments));
}
