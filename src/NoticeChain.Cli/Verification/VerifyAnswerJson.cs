using System.Globalization;
using System.Text.Json;
using NoticeChain.Core.Verification;

namespace NoticeChain.Cli.Verification;

/// <summary>Writes the verify answer object (the contract shared by the verify API, the citizen page and this tool):
/// every key always present, <c>null</c> when not applicable, times as <c>YYYY-MM-DDTHH:MM:SSZ</c>.</summary>
internal static class VerifyAnswerJson
{
    public static void Write(Utf8JsonWriter writer, VerifyOutcome outcome)
    {
        var verification = outcome.Verification;
        var evidence = verification.Evidence;
        writer.WriteString("digest", outcome.DocumentDigest.ToString());
        writer.WriteString("status", VerificationCodes.Status(verification.Status));
        WriteStringOrNull(writer, "finding", VerificationCodes.Finding(verification.Finding));
        writer.WriteNull("noticeId");
        if (verification.Authority is { } authority)
        {
            writer.WriteStartObject("authority");
            writer.WriteString("id", authority.Id.ToString());
            writer.WriteString("name", authority.Name);
            WriteStringOrNull(writer, "retiredAt", Time(authority.RetiredAt));
            writer.WriteEndObject();
        }
        else
        {
            writer.WriteNull("authority");
        }

        var anchor = verification.Anchor;
        WriteStringOrNull(writer, "anchoredAt", Time(anchor?.AnchoredAt));
        if (anchor is null)
        {
            writer.WriteNull("blockNumber");
        }
        else
        {
            writer.WriteNumber("blockNumber", anchor.Position.BlockNumber);
        }

        WriteStringOrNull(writer, "transactionHash", anchor?.Position.TransactionHash.ToString());
        writer.WriteNumber("chainId", outcome.ChainId);
        writer.WriteString("registry", outcome.Registry.ToString());

        if (verification.Status == VerificationStatus.Revoked && evidence?.Revocation is { } revocation)
        {
            writer.WriteStartObject("revocation");
            writer.WriteString("reason", VerificationCodes.Reason(revocation.Reason));
            writer.WriteString("effectiveAt", Time(revocation.EffectiveAt));
            writer.WriteString("revokedAt", Time(revocation.RevokedAt));
            writer.WriteEndObject();
        }
        else
        {
            writer.WriteNull("revocation");
        }

        if (verification.Status == VerificationStatus.Superseded && evidence?.Supersession is { } supersession)
        {
            writer.WriteStartObject("supersession");
            writer.WriteString("reason", VerificationCodes.Reason(supersession.Reason));
            writer.WriteString("effectiveAt", Time(supersession.EffectiveAt));
            writer.WriteString("supersededAt", Time(supersession.SupersededAt));
            writer.WriteString("newLeaf", supersession.NewLeaf.ToString());
            writer.WriteString("newRoot", supersession.NewRoot.ToString());
            WriteStringOrNull(writer, "newAnchoredAt", Time(evidence.SupersedingAnchor?.AnchoredAt));
            writer.WriteEndObject();
        }
        else
        {
            writer.WriteNull("supersession");
        }

        writer.WritePropertyName("receipt");
        writer.WriteRawValue(outcome.Receipt.ToJsonUtf8Bytes(), skipInputValidation: true);
        writer.WriteBoolean("checkedAgainstChain", true);
        writer.WriteStartObject("chainHead");
        writer.WriteNumber("blockNumber", outcome.Head.BlockNumber);
        writer.WriteString("blockHash", outcome.Head.BlockHash.ToString());
        writer.WriteEndObject();
    }




    private static string? Time(DateTimeOffset? time) =>
        time?.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static string Time(DateTimeOffset time) => Time((DateTimeOffset?)time)!;

    private static void WriteStringOrNull(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is null)
        {
            writer.WriteNull(name);
        }
        else
        {
            writer.WriteString(name, value);
        }
    }
}
