using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using NoticeChain.Core.Notices;
using NoticeChain.Core.Receipts;
using NoticeChain.Core.Tests.Notices;

namespace NoticeChain.Core.Tests.Receipts;

public sealed partial class ReceiptJsonTests
{
    /// <summary>Each case changes the example receipt in one way that the parser must reject, naming the field.</summary>
    private static readonly Dictionary<string, (Func<JsonObject, string> Mutate, string Field)> Malformed = new()
    {
        ["version 2"] = (j => Set(j, "version", 2), "version"),
        ["version missing"] = (j => Remove(j, "version"), "version"),
        ["version as a string"] = (j => Set(j, "version", "1"), "version"),
        ["unknown field"] = (j => Set(j, "note", "hello"), "note"),
        ["digest missing"] = (j => Remove(j, "digest"), "digest"),
        ["digest with 0x"] = (j => Set(j, "digest", "0x" + j["digest"]!.GetValue<string>()[2..]), "digest"),
        ["digest too short"] = (j => Set(j, "digest", j["digest"]!.GetValue<string>()[1..]), "digest"),
        ["salt null"] = (j => Set(j, "salt", null), "salt"),
        ["salt not hex"] = (j => Set(j, "salt", new string('g', 64)), "salt"),
        ["leafIndex negative"] = (j => Set(j, "leafIndex", -1), "leafIndex"),
        ["leafIndex as a string"] = (j => Set(j, "leafIndex", "2"), "leafIndex"),
        ["leafIndex with a fraction"] = (j => Set(j, "leafIndex", 2.5), "leafIndex"),
        ["leafIndex equal to treeSize"] = (j => Set(j, "leafIndex", 5), "leafIndex"),
        ["treeSize zero"] = (j => Set(j, "treeSize", 0), "treeSize"),
        ["treeSize beyond 2^53 - 1"] = (j => Set(j, "treeSize", 1UL << 53), "treeSize"),
        ["auditPath too short"] = (j => { j["auditPath"]!.AsArray().RemoveAt(2); return j.ToJsonString(); }, "auditPath"),
        ["auditPath too long"] = (j => { j["auditPath"]!.AsArray().Add(new string('a', 64)); return j.ToJsonString(); }, "auditPath"),
        ["auditPath element malformed"] = (j => { j["auditPath"]![1] = "xyz"; return j.ToJsonString(); }, "auditPath[1]"),
        ["auditPath element null"] = (j => { j["auditPath"]![0] = null; return j.ToJsonString(); }, "auditPath[0]"),
        ["auditPath not an array"] = (j => Set(j, "auditPath", "none"), "auditPath"),
        ["root zero"] = (j => Set(j, "root", new string('0', 64)), "root"),
        ["chainId zero"] = (j => Set(j, "chainId", 0), "chainId"),
        ["registry without 0x"] = (j => Set(j, "registry", j["registry"]!.GetValue<string>()[2..]), "registry"),
        ["registry zero"] = (j => Set(j, "registry", "0x" + new string('0', 40)), "registry"),
        ["transactionHash too short"] = (j => Set(j, "transactionHash", j["transactionHash"]!.GetValue<string>()[..^2]), "transactionHash"),
        ["blockNumber zero"] = (j => Set(j, "blockNumber", 0), "blockNumber"),
        ["blockHash missing"] = (j => Remove(j, "blockHash"), "blockHash"),
        ["authorityId zero"] = (j => Set(j, "authorityId", "0x" + new string('0', 64)), "authorityId"),
        ["anchoringKey one digit short"] = (j => Set(j, "anchoringKey", j["anchoringKey"]!.GetValue<string>()[..^1]), "anchoringKey"),
        ["anchoredAt with an offset"] = (j => Set(j, "anchoredAt", "2026-11-22T10:30:00+01:00"), "anchoredAt"),
        ["anchoredAt with a fraction"] = (j => Set(j, "anchoredAt", "2026-11-22T09:30:00.5Z"), "anchoredAt"),
        ["anchoredAt at the epoch"] = (j => Set(j, "anchoredAt", "1970-01-01T00:00:00Z"), "anchoredAt"),
        ["anchoredAt as a number"] = (j => Set(j, "anchoredAt", 1_795_253_400), "anchoredAt"),
    };

    public static TheoryData<string> MalformedCases => [.. Malformed.Keys];

    public static TheoryData<string> MalformedDocuments => new()
    {
        "",
        "{",
        "[]",
        "\"receipt\"",
        "null",
        "{\"version\":1,}",
        "/* comment */ {\"version\":1}",
    };

    [Fact]
    public void Writing_what_was_parsed_gives_back_the_same_bytes()
    {
        var receipt = Receipt.Parse(ReceiptExample.Json);

        Assert.Equal(ReceiptExample.Json, receipt.ToJson());
        Assert.Equal(Encoding.UTF8.GetBytes(ReceiptExample.Json), receipt.ToJsonUtf8Bytes());
    }

    [Fact]
    public void Every_field_round_trips()
    {
        var receipt = Receipt.Parse(ReceiptExample.Json);

        var again = Receipt.Parse(receipt.ToJsonUtf8Bytes());

        Assert.Equal(
            (receipt.Version, receipt.Digest, receipt.Salt, receipt.Proof.LeafIndex, receipt.Proof.TreeSize, receipt.Root, receipt.LeafHash),
            (again.Version, again.Digest, again.Salt, again.Proof.LeafIndex, again.Proof.TreeSize, again.Root, again.LeafHash));
        Assert.Equal(receipt.Proof.AuditPath, again.Proof.AuditPath);
        var (a, b) = (receipt.Anchor, again.Anchor);
        Assert.Equal(
            (a.ChainId, a.Registry, a.TransactionHash, a.BlockNumber, a.BlockHash, a.Authority, a.AnchoringKey, a.AnchoredAt),
            (b.ChainId, b.Registry, b.TransactionHash, b.BlockNumber, b.BlockHash, b.Authority, b.AnchoringKey, b.AnchoredAt));
        Assert.Equal(new DateTimeOffset(2026, 11, 22, 9, 30, 0, TimeSpan.Zero), a.AnchoredAt);
        Assert.Equal(AuthorityId.Parse("0x8f76fd501bb68ef71f4e276bc28f29bce1003b0c2c9d9478de81b5bfc0cde1e9"), a.Authority);
    }

    [Fact]
    public void Whitespace_field_order_and_upper_case_hex_do_not_matter()
    {
        var json = JsonNode.Parse(ReceiptExample.Json)!.AsObject();
        var reordered = new JsonObject(json.Reverse().Select(p => KeyValuePair.Create(p.Key, p.Value?.DeepClone())));
        reordered["digest"] = reordered["digest"]!.GetValue<string>().ToUpperInvariant();

        var receipt = Receipt.Parse(reordered.ToJsonString(new() { WriteIndented = true }));

        Assert.Equal(ReceiptExample.Json, receipt.ToJson());
    }

    [Theory]
    [MemberData(nameof(MalformedCases))]
    public void A_malformed_field_is_rejected_by_name(string name)
    {
        var (mutate, field) = Malformed[name];
        var json = mutate(JsonNode.Parse(ReceiptExample.Json)!.AsObject());

        var error = Assert.Throws<ReceiptFormatException>(() => Receipt.Parse(json));

        Assert.Equal(field, error.Field);
        Assert.False(Receipt.TryParse(Encoding.UTF8.GetBytes(json), out var receipt, out var tryError));
        Assert.Null(receipt);
        Assert.Equal(field, tryError.Field);
    }

    [Fact]
    public void An_unknown_version_is_named_in_the_error()
    {
        var json = Set(JsonNode.Parse(ReceiptExample.Json)!.AsObject(), "version", 2);

        var error = Assert.Throws<ReceiptFormatException>(() => Receipt.Parse(json));

        Assert.Equal("Receipt version 2 is not supported; this software reads version 1.", error.Message);
    }

    [Fact]
    public void A_future_version_is_refused_before_its_unknown_fields_are_looked_at()
    {
        var error = Assert.Throws<ReceiptFormatException>(() => Receipt.Parse("""{"proofs":[],"version":2,"extra":{"a":[1]}}"""));

        Assert.Equal("version", error.Field);
    }

    [Fact]
    public void A_duplicated_field_is_rejected()
    {
        var json = ReceiptExample.Json.Replace("\"treeSize\":5,", "\"treeSize\":5,\"treeSize\":6,", StringComparison.Ordinal);

        var error = Assert.Throws<ReceiptFormatException>(() => Receipt.Parse(json));

        Assert.Contains("more than once", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(MalformedDocuments))]
    public void A_document_that_is_not_a_receipt_object_is_rejected(string json)
    {
        Assert.Equal("$", Assert.Throws<ReceiptFormatException>(() => Receipt.Parse(json)).Field);
    }

    [Fact]
    public void An_oversized_document_is_rejected_before_parsing()
    {
        var json = ReceiptExample.Json[..^1] + ",\"padding\":\"" + new string(' ', 20_000) + "\"}";

        var error = Assert.Throws<ReceiptFormatException>(() => Receipt.Parse(json));

        Assert.Equal("$", error.Field);
        Assert.Contains("at most", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_example_in_the_format_specification_is_this_receipt_and_verifies()
    {
        var specification = RepositoryFile.ReadAllText(Path.Combine("docs", "receipt-format.md"));
        var example = JsonBlock().Match(specification);
        Assert.True(example.Success, "docs/receipt-format.md has no ```json block");

        var receipt = Receipt.Parse(example.Groups["json"].Value);

        Assert.Equal(ReceiptExample.Json, receipt.ToJson());
        Assert.Equal(ReceiptVerificationResult.Verified, receipt.Verify(ReceiptExample.DocumentDigest));
        Assert.Contains(ReceiptExample.LeafHash, specification, StringComparison.Ordinal);
    }

    private static string Set(JsonObject json, string field, JsonNode? value)
    {
        json[field] = value;
        return json.ToJsonString();
    }

    private static string Remove(JsonObject json, string field)
    {
        json.Remove(field);
        return json.ToJsonString();
    }

    [GeneratedRegex("```json\\n(?<json>.*?)\\n```", RegexOptions.Singleline)]
    private static partial Regex JsonBlock();
}
