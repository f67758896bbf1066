using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.Json;
using NoticeChain.Core.Hashing;
using NoticeChain.Core.Merkle;
using NoticeChain.Core.Notices;

namespace NoticeChain.Core.Receipts;

/// <summary>The JSON codec of receipt version 1: writes it, and parses it strictly field by field.</summary>
/// <remarks>
/// Parsing runs in three passes. First the input size is capped and the <c>version</c> field is read on its own,
/// so a receipt of a future version gets a clear "unsupported version" instead of a list of unknown fields.
/// Then the version 1 shape is deserialized by the source-generated, strict <see cref="ReceiptJsonContext"/>.
/// Last, every field is checked for presence, form and the value rules; the first failure names its field.
/// </remarks>
internal static class ReceiptJson
{
    /// <summary>The largest receipt accepted: 64 path hashes and the fixed fields fit comfortably in 16 KiB.</summary>
    public const int MaxSize = 16 * 1024;

    public static byte[] Write(Receipt receipt)
    {
        var anchor = receipt.Anchor;
        var shape = new ReceiptJsonV1
        {
            Version = Receipt.CurrentVersion,
            Digest = receipt.Digest.ToString(),
            Salt = receipt.Salt.ToString(),
            LeafIndex = receipt.Proof.LeafIndex,
            TreeSize = receipt.Proof.TreeSize,
            AuditPath = [.. receipt.Proof.AuditPath.Select(h => h.ToString())],
            Root = receipt.Root.ToString(),
            ChainId = anchor.ChainId,
            Registry = anchor.Registry.ToString(),
            TransactionHash = anchor.TransactionHash.ToString(),
            BlockNumber = anchor.BlockNumber,
            BlockHash = anchor.BlockHash.ToString(),
            AuthorityId = anchor.Authority.ToString(),
            AnchoringKey = anchor.AnchoringKey.ToString(),
            AnchoredAt = anchor.AnchoredAt.UtcDateTime.ToString(ReceiptRules.AnchoredAtFormat, CultureInfo.InvariantCulture),
        };
        return JsonSerializer.SerializeToUtf8Bytes(shape, ReceiptJsonContext.Default.ReceiptJsonV1);
    }

    public static bool TryRead(
        ReadOnlySpan<byte> utf8Json,
        [NotNullWhen(true)] out Receipt? receipt,
        [NotNullWhen(false)] out ReceiptFormatException? error)
    {
        receipt = null;
        error = CheckVersion(utf8Json);
        if (error is not null)
        {
            return false;
        }

        ReceiptJsonV1? shape;
        try
        {
            shape = JsonSerializer.Deserialize(utf8Json, ReceiptJsonContext.Default.ReceiptJsonV1);
        }
        catch (JsonException e)
        {
            error = FromJsonException(e);
            return false;
        }

        if (shape is null)
        {
            error = new ReceiptFormatException("A receipt is a JSON object.");
            return false;
        }

        try
        {
            receipt = Build(shape);
            return true;
        }
        catch (ReceiptFormatException e)
        {
            error = e;
            return false;
        }
    }

    private static ReceiptFormatException? CheckVersion(ReadOnlySpan<byte> utf8Json)
    {
        if (utf8Json.Length > MaxSize)
        {
            return new ReceiptFormatException($"A receipt is at most {MaxSize} bytes.");
        }

        try
        {
            var reader = new Utf8JsonReader(utf8Json, new JsonReaderOptions { MaxDepth = 4 });
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return new ReceiptFormatException("A receipt is a JSON object.");
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isVersion = reader.ValueTextEquals("version"u8);
                reader.Read();
                if (isVersion)
                {
                    return reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out var version)
                        ? version == Receipt.CurrentVersion
                            ? null
                            : new ReceiptFormatException(
                                "version",
                                $"Receipt version {version} is not supported; this software reads version {Receipt.CurrentVersion}.")
                        : new ReceiptFormatException("version", "The version is an integer.");
                }

                reader.Skip();
            }

            return new ReceiptFormatException("version", "The receipt has no version field.");
        }
        catch (JsonException e)
        {
            return new ReceiptFormatException("The receipt is not well-formed JSON.", e);
        }
    }

    private static ReceiptFormatException FromJsonException(JsonException e)
    {
        var path = e.Path is null or "$" ? "$" : e.Path.StartsWith("$.", StringComparison.Ordinal) ? e.Path[2..] : e.Path;
        if (e.Message.Contains("uplicate", StringComparison.Ordinal))
        {
            return new ReceiptFormatException(path, "A field appears more than once.");
        }

        if (e.Message.Contains("could not be mapped", StringComparison.Ordinal))
        {
            return new ReceiptFormatException(path, $"The field '{path}' is not part of receipt version {Receipt.CurrentVersion}.");
        }

        return path == "$"
            ? new ReceiptFormatException("The receipt is not well-formed JSON.", e)
            : new ReceiptFormatException(path, $"The field '{path}' has the wrong JSON type or is out of range.");
    }

    private static Receipt Build(ReceiptJsonV1 shape)
    {
        var digest = Required(shape.Digest, "digest", static (string t, out Digest v) => Digest.TryParse(t, out v), "64 hexadecimal digits");
        var salt = Required(shape.Salt, "salt", static (string t, out Salt v) => Salt.TryParse(t, out v), "64 hexadecimal digits");
        var leafIndex = shape.LeafIndex ?? throw Missing("leafIndex");
        var treeSize = shape.TreeSize ?? throw Missing("treeSize");
        Check(ReceiptRules.CheckTreeSize(treeSize), "treeSize");
        Check(ReceiptRules.CheckLeafIndex(leafIndex, treeSize), "leafIndex");
        var path = shape.AuditPath ?? throw Missing("auditPath");
        if (path.Length > ReceiptRules.MaxAuditPathLength)
        {
            throw new ReceiptFormatException("auditPath", $"An audit path has at most {ReceiptRules.MaxAuditPathLength} hashes.");
        }

        Check(ReceiptRules.CheckAuditPathLength(leafIndex, treeSize, path.Length), "auditPath");
        var auditPath = new MerkleHash[path.Length];
        for (var i = 0; i < path.Length; i++)
        {
            auditPath[i] = Required(path[i], $"auditPath[{i}]", static (string t, out MerkleHash v) => MerkleHash.TryParse(t, out v), "64 hexadecimal digits");
        }

        var root = Required(shape.Root, "root", static (string t, out MerkleHash v) => MerkleHash.TryParse(t, out v), "64 hexadecimal digits");
        Check(ReceiptRules.CheckNotZero(root == default, "root"), "root");
        var chainId = shape.ChainId ?? throw Missing("chainId");
        Check(ReceiptRules.CheckChainId(chainId), "chainId");
        var registry = Required(shape.Registry, "registry", static (string t, out ChainAddress v) => ChainAddress.TryParse(t, out v), "0x and 40 hexadecimal digits");
        Check(ReceiptRules.CheckNotZero(registry.IsZero, "registry address"), "registry");
        var transactionHash = Required(shape.TransactionHash, "transactionHash", static (string t, out ChainHash v) => ChainHash.TryParse(t, out v), "0x and 64 hexadecimal digits");
        Check(ReceiptRules.CheckNotZero(transactionHash.IsZero, "transaction hash"), "transactionHash");
        var blockNumber = shape.BlockNumber ?? throw Missing("blockNumber");
        Check(ReceiptRules.CheckBlockNumber(blockNumber), "blockNumber");
        var blockHash = Required(shape.BlockHash, "blockHash", static (string t, out ChainHash v) => ChainHash.TryParse(t, out v), "0x and 64 hexadecimal digits");
        Check(ReceiptRules.CheckNotZero(blockHash.IsZero, "block hash"), "blockHash");
        var authority = Required(shape.AuthorityId, "authorityId", static (string t, out AuthorityId v) => AuthorityId.TryParse(t, out v), "0x and 64 hexadecimal digits, not all zero");
        var anchoringKey = Required(shape.AnchoringKey, "anchoringKey", static (string t, out ChainAddress v) => ChainAddress.TryParse(t, out v), "0x and 40 hexadecimal digits");
        Check(ReceiptRules.CheckNotZero(anchoringKey.IsZero, "anchoring key"), "anchoringKey");
        var anchoredAt = Required<DateTimeOffset>(shape.AnchoredAt, "anchoredAt", TryParseAnchoredAt, "a UTC time of the form 2026-11-22T09:30:00Z");
        Check(ReceiptRules.CheckAnchoredAt(anchoredAt), "anchoredAt");

        var anchor = new ReceiptAnchor(chainId, registry, transactionHash, blockNumber, blockHash, authority, anchoringKey, anchoredAt);
        return new Receipt(digest, salt, new InclusionProof(leafIndex, treeSize, auditPath), root, anchor);
    }

    private delegate bool TryParser<T>(string text, out T value);

    private static T Required<T>(string? text, string field, TryParser<T> parse, string form) =>
        text is null ? throw Missing(field)
        : parse(text, out var value) ? value
        : throw new ReceiptFormatException(field, $"The field '{field}' must be {form}.");

    private static ReceiptFormatException Missing(string field) =>
        new(field, $"The field '{field}' is missing or null.");

    private static void Check(string? message, string field)
    {
        if (message is not null)
        {
            throw new ReceiptFormatException(field, message);
        }
    }

    private static bool TryParseAnchoredAt(string text, out DateTimeOffset value) =>
        DateTimeOffset.TryParseExact(
            text,
            ReceiptRules.AnchoredAtFormat,
            CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal,
            out value);
}
