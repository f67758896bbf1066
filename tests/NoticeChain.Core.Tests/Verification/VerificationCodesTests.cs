using NoticeChain.Core.Notices;
using NoticeChain.Core.Verification;

namespace NoticeChain.Core.Tests.Verification;

public sealed class VerificationCodesTests
{
    [Fact]
    public void Every_status_finding_and_reason_has_its_own_word()
    {
        var statuses = Enum.GetValues<VerificationStatus>().Select(VerificationCodes.Status).ToList();
        var findings = Enum.GetValues<VerificationFinding>().Where(f => f != VerificationFinding.None).Select(VerificationCodes.Finding).ToList();
        var reasons = Enum.GetValues<RevocationReason>().Select(VerificationCodes.Reason).ToList();

        Assert.Equal(new[] { "authentic", "pending", "revoked", "superseded", "unknown" }, statuses.Order(StringComparer.Ordinal));
        Assert.Equal(findings.Count, findings.Distinct(StringComparer.Ordinal).Count());
        Assert.All(findings, f => Assert.Matches("^[a-z]+(-[a-z]+)*$", f!));
        Assert.Null(VerificationCodes.Finding(VerificationFinding.None));
        Assert.Equal(["withdrawal", "revocation", "correction", "nullity", "other"], reasons);
    }

    [Fact]
    public void An_undefined_value_is_refused_rather_than_spelled_as_another()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => VerificationCodes.Status((VerificationStatus)99));
        Assert.Throws<ArgumentOutOfRangeException>(() => VerificationCodes.Finding((VerificationFinding)99));
        Assert.Throws<ArgumentOutOfRangeException>(() => VerificationCodes.Reason((RevocationReason)99));
    }
}
