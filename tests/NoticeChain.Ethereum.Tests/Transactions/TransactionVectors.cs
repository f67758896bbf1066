using System.Text.Json;
using NoticeChain.Ethereum.Crypto;
using NoticeChain.Ethereum.Encoding;
using NoticeChain.Ethereum.Tests.Crypto;
using NoticeChain.Ethereum.Transactions;

namespace NoticeChain.Ethereum.Tests.Transactions;

/// <summary>Builds transactions from the JSON vector files and compares decoded ones with them.</summary>
internal static class TransactionVectors
{
    public const string LegacyFile = "transactions_legacy.json";
    public const string Eip1559File = "transactions_eip1559.json";
    public const string InvalidFile = "transactions_invalid.json";
    public const string Eip155File = "eip155.json";

    public static TheoryData<string> Names(string file, string section)
    {
        var names = new TheoryData<string>();
        foreach (var vector in CryptoVectors.Load(file).GetProperty(section).EnumerateArray())
        {
            names.Add(vector.Text("name"));
        }

        return names;
    }

    public static JsonElement Find(string file, string section, string name) =>
        CryptoVectors.Load(file).GetProperty(section).EnumerateArray().Single(v => v.Text("name") == name);

    public static LegacyTransaction Legacy(JsonElement vector) => new()
    {
        ChainId = (ulong)vector.Integer("chainId"),
        Nonce = (ulong)vector.Integer("nonce"),
        GasPrice = vector.Integer("gasPrice"),
        GasLimit = (ulong)vector.Integer("gasLimit"),
        To = Address.Parse(vector.Text("to")),
        Value = vector.Integer("value"),
        Data = vector.Bytes("data"),
    };

    public static Eip1559Transaction Eip1559(JsonElement vector) => new()
    {
        ChainId = (ulong)vector.Integer("chainId"),
        Nonce = (ulong)vector.Integer("nonce"),
        MaxPriorityFeePerGas = vector.Integer("maxPriorityFeePerGas"),
        MaxFeePerGas = vector.Integer("maxFeePerGas"),
        GasLimit = (ulong)vector.Integer("gasLimit"),
        To = Address.Parse(vector.Text("to")),
        Value = vector.Integer("value"),
        Data = vector.Bytes("data"),
        AccessList = vector.GetProperty("accessList").EnumerateArray()
            .Select(entry => new AccessListEntry(
                Address.Parse(entry.Text("address")),
                entry.GetProperty("storageKeys").EnumerateArray().Select(key => (ReadOnlyMemory<byte>)Hex.Decode(key.GetString()))))
            .ToArray(),
    };

    /// <summary>Asserts every field of two transactions of the same type is equal.</summary>
    public static void AssertSameFields(Transaction expected, Transaction actual)
    {
        Assert.Equal(expected.Type, actual.Type);
        Assert.Equal(expected.ChainId, actual.ChainId);
        Assert.Equal(expected.Nonce, actual.Nonce);
        Assert.Equal(expected.GasLimit, actual.GasLimit);
        Assert.Equal(expected.To, actual.To);
        Assert.Equal(expected.Value, actual.Value);
        Assert.Equal(expected.Data.ToArray(), actual.Data.ToArray());
        switch (expected)
        {
            case LegacyTransaction legacy:
                Assert.Equal(legacy.GasPrice, Assert.IsType<LegacyTransaction>(actual).GasPrice);
                break;
            case Eip1559Transaction dynamicFee:
                var other = Assert.IsType<Eip1559Transaction>(actual);
                Assert.Equal(dynamicFee.MaxPriorityFeePerGas, other.MaxPriorityFeePerGas);
                Assert.Equal(dynamicFee.MaxFeePerGas, other.MaxFeePerGas);
                Assert.Equal(dynamicFee.AccessList.Count, other.AccessList.Count);
                for (int i = 0; i < dynamicFee.AccessList.Count; i++)
                {
                    Assert.Equal(dynamicFee.AccessList[i].Address, other.AccessList[i].Address);
                    Assert.Equal(
                        dynamicFee.AccessList[i].StorageKeys.Select(k => k.ToArray()),
                        other.AccessList[i].StorageKeys.Select(k => k.ToArray()));
                }

                break;
            default:
                throw new InvalidOperationException($"No comparison for {expected.GetType()}.");
        }
    }
}
