using System.Text.Json;
using System.Text.Json.Serialization;

namespace NoticeChain.Api.Notices;

/// <summary>Source-generated JSON for the notice endpoints.</summary>
/// <remarks>
/// Strict on input: unknown and duplicate members are errors (an integrator's typo must not silently drop a
/// field), as are comments, trailing commas and numbers written as strings.
/// </remarks>
[JsonSourceGenerationOptions(
    JsonSerializerDefaults.Web,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    AllowDuplicateProperties = false,
    NumberHandling = JsonNumberHandling.Strict,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(NoticeRequest))]
[JsonSerializable(typeof(BatchRequest))]
[JsonSerializable(typeof(RevokeRequest))]
[JsonSerializable(typeof(NoticeResponse))]
[JsonSerializable(typeof(BatchResponse))]
internal sealed partial class NoticesJsonContext : JsonSerializerContext;
