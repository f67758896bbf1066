using System.Text.Json;
using NoticeChain.Core.Merkle;

namespace NoticeChain.Core.Tests;

/// <summary>
/// Reads the JSON vector files under <c>Vectors/</c>. Every file names where its data came from in a
/// <c>_source</c> field; the generated ones are written by <c>Vectors/generate_merkle_vectors.py</c>.
/// </summary>
internal static class VectorFile
{
    public static JsonElement Load(string file)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Vectors", file)));
        return document.RootElement.Clone();
    }

    public static JsonElement[] Array(this JsonElement element, string property) =>
        [.. element.GetProperty(property).EnumerateArray()];

    public static string Text(this JsonElement element, string property) => element.GetProperty(property).GetString()!;

    public static byte[] Bytes(this JsonElement element, string property) => Convert.FromHexString(element.Text(property));

    public static MerkleHash Hash(this JsonElement element, string property) => MerkleHash.Parse(element.Text(property));

    public static MerkleHash[] Hashes(this JsonElement element, string property) =>
        [.. element.GetProperty(property).EnumerateArray().Select(e => MerkleHash.Parse(e.GetString()))];
}
