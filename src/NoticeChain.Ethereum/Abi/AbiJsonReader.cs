using System.Text.Json;

namespace NoticeChain.Ethereum.Abi;

/// <summary>Reads the JSON ABI that solc emits (Solidity ABI spec, "JSON") into a <see cref="ContractAbi"/>.</summary>
/// <remarks>
/// A tuple parameter has <c>type</c> <c>tuple</c> followed by any array suffixes (<c>tuple[]</c>, <c>tuple[2][]</c>) and its
/// members in <c>components</c>; it is turned into the canonical <c>(T1,...,Tn)[]</c> string and parsed like any other
/// type, so the JSON and the signature paths share one parser. <c>receive</c> and <c>fallback</c> entries carry no ABI
/// data and are skipped; any other unknown entry type is an error, so a new kind of entry is not silently ignored.
/// Nested <c>components</c> are read recursively, so the recursion stops at <see cref="AbiType.MaxDepth"/> tuples:
/// the caller's <see cref="JsonDocument"/> may have been parsed with a raised <see cref="JsonDocumentOptions.MaxDepth"/>,
/// and the type parser's own depth check would only run after the whole descent.
/// </remarks>
internal static class AbiJsonReader
{
    public static ContractAbi Read(JsonElement root)
    {
        var entries = root.ValueKind switch
        {
            JsonValueKind.Array => root,
            JsonValueKind.Object when root.TryGetProperty("abi", out var abi) && abi.ValueKind == JsonValueKind.Array => abi,
            _ => throw new AbiException("A JSON ABI is an array, or an object with an \"abi\" array."),
        };

        var functions = new List<AbiFunction>();
        var events = new List<AbiEvent>();
        var errors = new List<AbiError>();
        AbiConstructor? constructor = null;
        int index = 0;
        foreach (var entry in entries.EnumerateArray())
        {
            try
            {
                if (entry.ValueKind != JsonValueKind.Object)
                {
                    throw new AbiException("an entry must be an object");
                }

                string kind = OptionalString(entry, "type") ?? "function";
                switch (kind)
                {
                    case "function":
                        functions.Add(new AbiFunction(RequiredString(entry, "name"), Parameters(entry, "inputs"), Parameters(entry, "outputs"), Mutability(entry)));
                        break;
                    case "constructor":
                        constructor = constructor is null
                            ? new AbiConstructor(Parameters(entry, "inputs"), Mutability(entry))
                            : throw new AbiException("a second constructor");
                        break;
                    case "event":
                        events.Add(new AbiEvent(RequiredString(entry, "name"), Parameters(entry, "inputs"), OptionalBool(entry, "anonymous")));
                        break;
                    case "error":
                        errors.Add(new AbiError(RequiredString(entry, "name"), Parameters(entry, "inputs")));
                        break;
                    case "receive" or "fallback":
                        break;
                    default:
                        throw new AbiException($"unknown entry type '{kind}'");
                }
            }
            catch (AbiException e)
            {
                throw new AbiException($"JSON ABI entry {index}: {e.Message}", e);
            }

            index++;
        }

        return new ContractAbi(functions, events, errors, constructor ?? AbiConstructor.Default);
    }

    private static List<AbiParameter> Parameters(JsonElement entry, string property)
    {
        var parameters = new List<AbiParameter>();
        if (!entry.TryGetProperty(property, out var array) || array.ValueKind == JsonValueKind.Null)
        {
            return parameters;
        }

        if (array.ValueKind != JsonValueKind.Array)
        {
            throw new AbiException($"\"{property}\" must be an array");
        }

        foreach (var parameter in array.EnumerateArray())
        {
            if (parameter.ValueKind != JsonValueKind.Object)
            {
                throw new AbiException($"each of \"{property}\" must be an object");
            }

            parameters.Add(new AbiParameter(
                OptionalString(parameter, "name") ?? string.Empty, ParameterType(parameter, tupleDepth: 0), OptionalBool(parameter, "indexed")));
        }

        return parameters;
    }

    /// <param name="parameter">A parameter or component object.</param>
    /// <param name="tupleDepth">How many tuples enclose it (0 for a top-level parameter).</param>
    private static AbiType ParameterType(JsonElement parameter, int tupleDepth)
    {
        string type = RequiredString(parameter, "type");
        if (!type.StartsWith("tuple", StringComparison.Ordinal))
        {
            return AbiType.Parse(type);
        }

        // The same limit as the type parser's: at most MaxDepth tuples, one inside the other.
        if (tupleDepth >= AbiType.MaxDepth)
        {
            throw new AbiException($"\"components\" nested deeper than {AbiType.MaxDepth} levels");
        }

        if (!parameter.TryGetProperty("components", out var components) || components.ValueKind != JsonValueKind.Array)
        {
            throw new AbiException($"parameter of type '{type}' needs a \"components\" array");
        }

        var members = new List<string>();
        foreach (var component in components.EnumerateArray())
        {
            if (component.ValueKind != JsonValueKind.Object)
            {
                throw new AbiException("each component must be an object");
            }

            members.Add(ParameterType(component, tupleDepth + 1).CanonicalName);
        }

        return AbiType.Parse("(" + string.Join(',', members) + ")" + type["tuple".Length..]);
    }

    private static AbiStateMutability Mutability(JsonElement entry) => OptionalString(entry, "stateMutability") switch
    {
        "pure" => AbiStateMutability.Pure,
        "view" => AbiStateMutability.View,
        "payable" => AbiStateMutability.Payable,
        "nonpayable" => AbiStateMutability.NonPayable,
        null when OptionalBool(entry, "payable") => AbiStateMutability.Payable,
        null when OptionalBool(entry, "constant") => AbiStateMutability.View,
        null => AbiStateMutability.NonPayable,
        var other => throw new AbiException($"unknown stateMutability '{other}'"),
    };

    private static string RequiredString(JsonElement element, string property) =>
        OptionalString(element, property) ?? throw new AbiException($"missing \"{property}\"");

    private static string? OptionalString(JsonElement element, string property)
    {
        if (!element.TryGetProperty(property, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : throw new AbiException($"\"{property}\" must be a string");
    }

    private static bool OptionalBool(JsonElement element, string property)
    {
        if (!element.TryGetProperty(property, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return false;
        }

        return value.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw new AbiException($"\"{property}\" must be true or false"),
        };
    }
}
