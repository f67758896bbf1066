using System.Text.Json;
using System.Text.Json.Serialization;

namespace NoticeChain.Api.Verify;

/// <summary>Source-generated JSON for the verify endpoints.</summary>
/// <remarks>
/// Unlike the notice endpoints, null members are written: the answer has the same keys every time, which is what
/// the citizen page, the CLI's <c>--json</c> and integrators' parsers rely on. Input is as strict as elsewhere.
/// </remarks>
[JsonSourceGenerationOptions(
    JsonSerializerDefaults.Web,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    AllowDuplicateProperties = false,
    NumberHandling = JsonNumberHandling.Strict,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(VerifyAnswer))]
[JsonSerializable(typeof(VerifyBatchRequest))]
[JsonSerializable(typeof(VerifyBatchResponse))]
internal sealed partial class VerifyJsonContext : JsonSerializerContext;
