namespace NoticeChain.Ethereum.Abi;

/// <summary>A contract event: its topic 0, and the codec between its parameters and a log's topics and data.</summary>
/// <remarks>
/// <para>
/// Topic 0 is Keccak-256 of the canonical signature (<c>Transfer(address,address,uint256)</c> →
/// <c>ddf252ad…</c>) unless the event is anonymous, in which case it is not emitted and up to four parameters can be
/// indexed instead of three. Indexed value types decode from their topic; indexed <c>bytes</c>, <c>string</c>, arrays and
/// tuples are stored only as a Keccak-256 hash, so they decode to that 32-byte hash as a <c>byte[]</c>.
/// </para>
/// <para>
/// Decoding insists on the exact topic count: a log with a different number of topics is another event with the same
/// signature but different <c>indexed</c> flags, and reading it as this one would put values in the wrong places.
/// </para>
/// </remarks>
public sealed class AbiEvent
{
    private readonly byte[] _topic0;
    private readonly AbiParameter[] _inputs;
    private readonly AbiType[] _dataTypes;

    /// <summary>Creates an event description.</summary>
    /// <exception cref="AbiException"><paramref name="name"/> is not an identifier, or too many parameters are indexed.</exception>
    public AbiEvent(string name, IEnumerable<AbiParameter> inputs, bool anonymous = false)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(inputs);
        if (!AbiSignatureParser.IsIdentifier(name))
        {
            throw new AbiException($"Event name '{name}' is not a Solidity identifier.");
        }

        _inputs = [.. inputs];
        IndexedCount = _inputs.Count(p => p.Indexed);
        int maxIndexed = anonymous ? 4 : 3;
        if (IndexedCount > maxIndexed)
        {
            throw new AbiException($"Event {name} indexes {IndexedCount} parameters; a log has room for {maxIndexed}.");
        }

        Name = name;
        Anonymous = anonymous;
        _dataTypes = [.. _inputs.Where(p => !p.Indexed).Select(p => p.Type)];
        Signature = AbiSignatureParser.Canonical(name, _inputs);
        _topic0 = AbiSelector.HashSignature(Signature);
    }

    /// <summary>The event name.</summary>
    public string Name { get; }

    /// <summary>The parameters, indexed or not, in declaration order.</summary>
    public IReadOnlyList<AbiParameter> Inputs => _inputs;

    /// <summary>True for an event declared <c>anonymous</c>: its logs carry no topic 0.</summary>
    public bool Anonymous { get; }

    /// <summary>The number of indexed parameters.</summary>
    public int IndexedCount { get; }

    /// <summary>The canonical signature, e.g. <c>Transfer(address,address,uint256)</c>.</summary>
    public string Signature { get; }

    /// <summary>Keccak-256 of the signature: the first topic of every log of a non-anonymous event.</summary>
    public ReadOnlySpan<byte> Topic0 => _topic0;

    /// <summary>Parses a declaration such as <c>Transfer(address indexed from, address indexed to, uint256 value)</c>, optionally ending in <c>anonymous</c>.</summary>
    /// <exception cref="AbiException">The signature is malformed.</exception>
    public static AbiEvent Parse(string signature)
    {
        var parsed = AbiSignatureParser.Parse(signature, AbiSignatureKind.Event);
        return new AbiEvent(parsed.Name, parsed.Inputs, parsed.Anonymous);
    }

    /// <summary>Encodes one value as the topic an indexed parameter of <paramref name="type"/> would have, for log filters.</summary>
    /// <exception cref="AbiException">The value does not fit its type.</exception>
    public static byte[] EncodeTopic(AbiType type, object? value)
    {
        ArgumentNullException.ThrowIfNull(type);
        return AbiTopicEncoder.Encode(type, value);
    }

    /// <summary>True when the log has this event's topic 0 and topic count; always false for an anonymous event.</summary>
    public bool Matches(IReadOnlyList<byte[]> topics)
    {
        ArgumentNullException.ThrowIfNull(topics);
        return !Anonymous && topics.Count == 1 + IndexedCount && topics[0] is { } first && first.AsSpan().SequenceEqual(_topic0);
    }

    /// <summary>Encodes a log as the contract would emit it.</summary>
    /// <exception cref="AbiException">The value count differs or a value does not fit its type.</exception>
    public AbiLog EncodeLog(params object?[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Length != _inputs.Length)
        {
            throw new AbiException($"{Signature} has {_inputs.Length} parameter(s), got {values.Length} value(s).");
        }

        var topics = new List<byte[]>();
        if (!Anonymous)
        {
            topics.Add((byte[])_topic0.Clone());
        }

        var dataValues = new List<object?>();
        for (int i = 0; i < _inputs.Length; i++)
        {
            if (_inputs[i].Indexed)
            {
                topics.Add(AbiTopicEncoder.Encode(_inputs[i].Type, values[i]));
            }
            else
            {
                dataValues.Add(values[i]);
            }
        }

        return new AbiLog(topics, AbiEncoder.Encode(_dataTypes, dataValues));
    }

    /// <summary>Decodes a log into the named parameter values.</summary>
    /// <exception cref="AbiException">The topic count or topic 0 does not match, a topic is not 32 bytes, or the data is malformed.</exception>
    public AbiNamedValues DecodeLog(AbiLog log)
    {
        ArgumentNullException.ThrowIfNull(log);
        return DecodeLog(log.Topics, log.Data.Span);
    }

    /// <summary>Decodes a log's topics and data into the named parameter values.</summary>
    /// <exception cref="AbiException">The topic count or topic 0 does not match, a topic is not 32 bytes, or the data is malformed.</exception>
    public AbiNamedValues DecodeLog(IReadOnlyList<byte[]> topics, ReadOnlySpan<byte> data)
    {
        ArgumentNullException.ThrowIfNull(topics);
        int expected = (Anonymous ? 0 : 1) + IndexedCount;
        if (topics.Count != expected)
        {
            throw new AbiException($"{Signature} with {IndexedCount} indexed parameter(s) needs {expected} topic(s), got {topics.Count}.");
        }

        for (int t = 0; t < topics.Count; t++)
        {
            if (topics[t] is not { Length: AbiType.WordSize })
            {
                throw new AbiException($"Topic {t} is not 32 bytes.");
            }
        }

        if (!Anonymous && !topics[0].AsSpan().SequenceEqual(_topic0))
        {
            throw new AbiException($"Topic 0 is 0x{Convert.ToHexStringLower(topics[0])}, not the topic of {Signature}.");
        }

        var dataValues = AbiDecoder.Decode(_dataTypes, data);
        var values = new object?[_inputs.Length];
        int topic = Anonymous ? 0 : 1;
        int dataIndex = 0;
        for (int i = 0; i < _inputs.Length; i++)
        {
            var type = _inputs[i].Type;
            if (!_inputs[i].Indexed)
            {
                values[i] = dataValues[dataIndex++];
            }
            else if (type.IsElementary)
            {
                values[i] = AbiDecoder.DecodeElementary(type, topics[topic++]);
            }
            else
            {
                values[i] = (byte[])topics[topic++].Clone();
            }
        }

        return new AbiNamedValues(_inputs, values);
    }

    /// <summary>Returns the canonical signature.</summary>
    public override string ToString() => Signature;
}
