using System.Text;
using System.Text.Json;

namespace NoticeChain.Besu.GenesisTool;

/// <summary>Writes <c>network.json</c>: the public identities of the nodes, for scripts/besu/check.sh and the operator.</summary>
internal static class NetworkSummary
{
    /// <summary>Builds the JSON text.</summary>
    public static string Build(GenerateOptions options, IReadOnlyList<NetworkNode> nodes)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(nodes);
        var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteNumber("chainId", options.ChainId);
            json.WriteString("evmVersion", options.EvmVersion);
            json.WriteNumber("blockPeriodSeconds", options.BlockPeriodSeconds);
            json.WriteString("governance", options.Governance.ToLowerHex());
            json.WriteStartArray("authorities");
            foreach (var authority in options.Authorities)
            {
                json.WriteStringValue(authority.ToLowerHex());
            }

            json.WriteEndArray();
            json.WriteStartArray("nodes");
            foreach (var node in nodes)
            {
                json.WriteStartObject();
                json.WriteString("name", node.Name);
                json.WriteBoolean("validator", node.IsValidator);
                json.WriteString("ip", node.IpAddress);
                json.WriteString("address", node.Address.ToLowerHex());
                json.WriteString("enodeId", node.EnodeId);
                json.WriteString("enode", node.EnodeUrl);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }
}
