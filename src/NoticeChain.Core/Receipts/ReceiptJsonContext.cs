using System.Text.Json;
using System.Text.Json.Serialization;

namespace NoticeChain.Core.Receipts;

/// <summary>Source-generated, strict System.Text.Json metadata for the receipt's JSON shape.</summary>
/// <remarks>
/// Strict on purpose: an unknown field, a duplicate field, a number written as a string or with a fraction is an
/// error rather than something to guess at, so two parsers can never read one receipt differently.
/// </remarks>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    AllowDuplicateProperties = false,
    NumberHandling = JsonNumberHandling.Strict,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    AllowTrailingCommas = false,
    ReadCommentHandling = JsonCommentHandling.Disallow,
    MaxDepth = 4)]
[JsonSerializable(typeof(ReceiptJsonV1))]
internal sealed partial class ReceiptJsonContext : JsonSerializerContext;
