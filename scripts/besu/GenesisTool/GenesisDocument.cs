using System.Text;
using System.Text.Json;
using NoticeChain.Ethereum.Crypto;
using NoticeChain.Ethereum.Encoding;

namespace NoticeChain.Besu.GenesisTool;

/// <summary>Writes the Besu genesis file of the QBFT network.</summary>
/// <remarks>
/// Field by field from Besu's documentation: "Configure QBFT consensus" (the <c>qbft</c> object, the fixed
/// <c>mixHash</c>, <c>difficulty</c> 1, the extraData), "Genesis file items" (milestones, <c>zeroBaseFee</c>) and
/// "Configure free gas networks": with London or later, <c>zeroBaseFee: true</c> on every node keeps the base
/// fee at 0, so together with <c>--min-gas-price=0</c> transactions cost nothing and no account needs a
/// balance; the allocation is therefore empty.
/// </remarks>
internal static class GenesisDocument
{
    /// <summary>The mixHash every IBFT 2.0/QBFT block carries ("ctical byzantine fault tolerance" in ASCII).</summary>
    public const string BftMixHash = "0x63746963616c2062797a616e74696e65206661756c7420746f6c6572616e6365";

    /// <summary>The block gas limit: 30 million, as on Ethereum mainnet; an anchoring transaction needs a small fraction.</summary>
    public const string GasLimit = "0x1c9c380";

    /// <summary>Builds the genesis JSON.</summary>
    public static string Build(GenerateOptions options, IReadOnlyList<Address> validators)
    {
        ArgumentNullException.ThrowIfNull(options);
        var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteStartObject("config");
            json.WriteNumber("chainId", options.ChainId);
            foreach (var milestone in EvmMilestones.For(options.EvmVersion))
            {
                json.WriteNumber(milestone.Key, milestone.Value);
            }

            bool feeMarket = EvmMilestones.HasFeeMarket(options.EvmVersion);
            if (feeMarket)
            {
                json.WriteBoolean("zeroBaseFee", true);
            }

            json.WriteStartObject("qbft");
            json.WriteNumber("blockperiodseconds", options.BlockPeriodSeconds);
            json.WriteNumber("epochlength", options.EpochLength);
            json.WriteNumber("requesttimeoutseconds", options.RequestTimeoutSeconds);
            json.WriteEndObject();
            json.WriteEndObject();

            json.WriteString("nonce", "0x0");
            json.WriteString("timestamp", "0x0");
            json.WriteString("extraData", Hex.Encode(QbftExtraData.EncodeGenesis(validators)));
            json.WriteString("gasLimit", GasLimit);
            if (feeMarket)
            {
                json.WriteString("baseFeePerGas", "0x0");
            }

            json.WriteString("difficulty", "0x1");
            json.WriteString("mixHash", BftMixHash);
            json.WriteString("coinbase", Hex.Encode(Address.Zero.ToArray()));
            json.WriteStartObject("alloc");
            json.WriteEndObject();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }
}
