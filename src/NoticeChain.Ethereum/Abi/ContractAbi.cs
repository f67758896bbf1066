using System.Text.Json;

namespace NoticeChain.Ethereum.Abi;

/// <summary>The whole ABI of a contract: its constructor, functions, events and custom errors, looked up by name, signature, selector or topic.</summary>
/// <remarks>
/// Built from the JSON that solc emits, so the C# side is driven by the compiled contract rather than by hand-written
/// signatures that can drift from it. Lookups by plain name refuse overloaded names instead of picking one.
/// </remarks>
public sealed class ContractAbi
{
    private readonly AbiFunction[] _functions;
    private readonly AbiEvent[] _events;
    private readonly AbiError[] _errors;

    /// <summary>Creates a contract ABI from its parts.</summary>
    public ContractAbi(IEnumerable<AbiFunction> functions, IEnumerable<AbiEvent> events, IEnumerable<AbiError> errors, AbiConstructor? constructor = null)
    {
        ArgumentNullException.ThrowIfNull(functions);
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(errors);
        _functions = [.. functions];
        _events = [.. events];
        _errors = [.. errors];
        Constructor = constructor ?? AbiConstructor.Default;
    }

    /// <summary>The constructor; <see cref="AbiConstructor.Default"/> when none is declared.</summary>
    public AbiConstructor Constructor { get; }

    /// <summary>The functions.</summary>
    public IReadOnlyList<AbiFunction> Functions => _functions;

    /// <summary>The events.</summary>
    public IReadOnlyList<AbiEvent> Events => _events;

    /// <summary>The custom errors.</summary>
    public IReadOnlyList<AbiError> Errors => _errors;

    /// <summary>Parses solc's JSON ABI: the <c>abi</c> array itself, or an object (such as a compiler artefact) with an <c>abi</c> array.</summary>
    /// <exception cref="AbiException">The text is not JSON or not a valid ABI.</exception>
    public static ContractAbi Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            using var document = JsonDocument.Parse(json);
            return AbiJsonReader.Read(document.RootElement);
        }
        catch (JsonException e)
        {
            throw new AbiException($"The JSON ABI is not valid JSON: {e.Message}", e);
        }
    }

    /// <summary>Reads a JSON ABI from an already parsed element.</summary>
    /// <exception cref="AbiException">The element is not a valid ABI.</exception>
    public static ContractAbi FromJson(JsonElement abi) => AbiJsonReader.Read(abi);

    /// <summary>The function with this name (if not overloaded) or this canonical signature.</summary>
    /// <exception cref="KeyNotFoundException">No function matches.</exception>
    /// <exception cref="ArgumentException">The name is overloaded; pass the signature.</exception>
    public AbiFunction GetFunction(string nameOrSignature) => Single(_functions, nameOrSignature, f => f.Name, f => f.Signature, "function");

    /// <summary>The event with this name (if not overloaded) or this canonical signature.</summary>
    /// <exception cref="KeyNotFoundException">No event matches.</exception>
    /// <exception cref="ArgumentException">The name is overloaded; pass the signature.</exception>
    public AbiEvent GetEvent(string nameOrSignature) => Single(_events, nameOrSignature, e => e.Name, e => e.Signature, "event");

    /// <summary>The custom error with this name (if not overloaded) or this canonical signature.</summary>
    /// <exception cref="KeyNotFoundException">No error matches.</exception>
    /// <exception cref="ArgumentException">The name is overloaded; pass the signature.</exception>
    public AbiError GetError(string nameOrSignature) => Single(_errors, nameOrSignature, e => e.Name, e => e.Signature, "error");

    /// <summary>The function whose selector starts <paramref name="callData"/>, or null.</summary>
    public AbiFunction? FindFunction(ReadOnlySpan<byte> callData)
    {
        foreach (var function in _functions)
        {
            if (function.Matches(callData))
            {
                return function;
            }
        }

        return null;
    }

    /// <summary>The non-anonymous event whose topic 0 is <paramref name="topic0"/>, or null.</summary>
    public AbiEvent? FindEvent(ReadOnlySpan<byte> topic0)
    {
        foreach (var candidate in _events)
        {
            if (!candidate.Anonymous && candidate.Topic0.SequenceEqual(topic0))
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>
    /// The error whose selector starts <paramref name="revertData"/>: a declared custom error, else
    /// <see cref="AbiError.RevertReason"/> or <see cref="AbiError.Panic"/>; null when none matches.
    /// </summary>
    public AbiError? FindError(ReadOnlySpan<byte> revertData)
    {
        foreach (var error in _errors)
        {
            if (error.Matches(revertData))
            {
                return error;
            }
        }

        if (AbiError.RevertReason.Matches(revertData))
        {
            return AbiError.RevertReason;
        }

        return AbiError.Panic.Matches(revertData) ? AbiError.Panic : null;
    }

    private static T Single<T>(T[] items, string nameOrSignature, Func<T, string> name, Func<T, string> signature, string what)
    {
        ArgumentNullException.ThrowIfNull(nameOrSignature);
        bool bySignature = nameOrSignature.Contains('(', StringComparison.Ordinal);
        var matches = items.Where(item => string.Equals(bySignature ? signature(item) : name(item), nameOrSignature, StringComparison.Ordinal)).Take(2).ToArray();
        return matches.Length switch
        {
            0 => throw new KeyNotFoundException($"The ABI has no {what} '{nameOrSignature}'."),
            1 => matches[0],
            _ => throw new ArgumentException($"The {what} name '{nameOrSignature}' is overloaded; pass its signature instead.", nameof(nameOrSignature)),
        };
    }
}
