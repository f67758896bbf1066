using System.Text.RegularExpressions;
using NoticeChain.Core.Notices;

namespace NoticeChain.Core.Tests.Notices;

public sealed partial class RevocationReasonTests
{
    [Fact]
    public void Values_are_those_of_the_registrys_Reason_enum_in_declaration_order()
    {
        var contract = RepositoryFile.ReadAllText(Path.Combine("contracts", "NoticeRegistry.sol"));
        var body = ReasonEnum().Match(contract);
        Assert.True(body.Success, "enum Reason not found in NoticeRegistry.sol");

        var solidity = body.Groups["members"].Value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(solidity, Enum.GetNames<RevocationReason>());
        Assert.Equal(Enumerable.Range(0, solidity.Length), Enum.GetValues<RevocationReason>().Select(r => (int)r));
    }

    [GeneratedRegex(@"enum\s+Reason\s*\{(?<members>[^}]*)\}")]
    private static partial Regex ReasonEnum();
}
