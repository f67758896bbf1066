using System.Text.Json;
using System.Text.Json.Nodes;
using NoticeChain.Ethereum.Encoding;

namespace NoticeChain.Ethereum.Tests.Keystore;

/// <summary>
/// The two test vectors of the Web3 Secret Storage Definition, stored in
/// <c>Vectors/keystore/web3-secret-storage-v3.json</c> (source in its <c>_source</c> field), and helpers
/// to derive hostile or broken variants of them.
/// </summary>
internal static class KeystoreTestVectors
{
    public const string Pbkdf2 = "pbkdf2-sha-256";
    public const string Scrypt = "scrypt";

    /// <summary>Marks a member to delete in <see cref="Mutate"/>.</summary>
    public const string Remove = "<remove>";

    private static readonly Lazy<JsonObject> Document = new(() =>
        JsonNode.Parse(File.ReadAllText(PathOf("web3-secret-storage-v3.json")))!.AsObject());

    public static string Password => Document.Value["password"]!.GetValue<string>();

    public static byte[] Secret => Hex.Decode(Document.Value["secret"]!.GetValue<string>());

    public static string Address => Document.Value["address"]!.GetValue<string>();

    public static TheoryData<string> Names() => new(Pbkdf2, Scrypt);

    /// <summary>The vector's keystore file as JSON text, exactly as published.</summary>
    public static string FileJson(string name) => Vector(name)["file"]!.ToJsonString();

    /// <summary>
    /// A file that decrypts to the spec secret. For the scrypt vector that is the published file with its
    /// salt replaced by the ASCII bytes of the published salt's hex text, which is what the published
    /// intermediates were generated from (see <c>_erratum</c> in the vector file).
    /// </summary>
    public static string DecryptableFileJson(string name)
    {
        if (name != Scrypt)
        {
            return FileJson(name);
        }

        var publishedSalt = Vector(name)["file"]!["crypto"]!["kdfparams"]!["salt"]!.GetValue<string>();
        var asciiSalt = Hex.Encode(System.Text.Encoding.ASCII.GetBytes(publishedSalt), prefix: false);
        return Mutate(name, $"crypto.kdfparams.salt=\"{asciiSalt}\"");
    }

    public static byte[] Intermediate(string name, string intermediate) =>
        Hex.Decode(Vector(name)["intermediates"]![intermediate]!.GetValue<string>());

    /// <summary>
    /// The vector's file with changes applied, each <c>dotted.path=raw JSON value</c> (or
    /// <c>=&lt;remove&gt;</c>), separated by <c>;</c>.
    /// </summary>
    public static string Mutate(string name, string changes)
    {
        var file = Vector(name)["file"]!.DeepClone().AsObject();
        foreach (var change in changes.Split(';'))
        {
            int equals = change.IndexOf('=', StringComparison.Ordinal);
            var path = change[..equals].Split('.');
            var value = change[(equals + 1)..];
            var parent = file;
            foreach (var segment in path[..^1])
            {
                parent = parent[segment]!.AsObject();
            }

            if (value == Remove)
            {
                parent.Remove(path[^1]);
            }
            else
            {
                parent[path[^1]] = JsonNode.Parse(value);
            }
        }

        return file.ToJsonString();
    }

    public static string PathOf(string file) => Path.Combine(AppContext.BaseDirectory, "Vectors", "keystore", file);

    public static JsonElement LoadElement(string file)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(PathOf(file)));
        return document.RootElement.Clone();
    }

    private static JsonNode Vector(string name) => Document.Value["vectors"]![name]!;
}
