using System.Security.Cryptography;
using System.Text;
using NoticeChain.Ethereum.Crypto;

namespace NoticeChain.Besu.GenesisTool;

/// <summary>Generates the whole network folder: node keys, genesis, permissioning, secrets and the compose .env.</summary>
/// <remarks>
/// Layout (all relative to the output folder): <c>nodes/&lt;name&gt;/key</c> (600) and <c>nodes/&lt;name&gt;/data/</c>
/// for <c>validator1</c>…<c>validatorN</c> and <c>rpc</c>; <c>genesis.json</c>; <c>permissions_config.toml</c>;
/// <c>network.json</c> (the public identities); <c>secrets/</c> (700: the PostgreSQL password, a pgpass file
/// for the API, the authority keystores' passphrase, each 600); <c>api/data/</c>; <c>.env</c>.
/// </remarks>
internal static class NetworkGenerator
{
    /// <summary>The service name of the non-validating RPC node.</summary>
    public const string RpcNodeName = "rpc";

    /// <summary>The PostgreSQL database and role of the compose file.</summary>
    public const string DatabaseName = "noticechain";

    /// <summary>Generates everything into <see cref="GenerateOptions.OutputFolder"/>; returns the nodes.</summary>
    /// <exception cref="UsageException">Keys or secrets exist already and <see cref="GenerateOptions.Force"/> is off.</exception>
    public static IReadOnlyList<NetworkNode> Generate(GenerateOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        string root = Path.GetFullPath(options.OutputFolder);
        var names = Enumerable.Range(1, options.ValidatorCount).Select(i => "validator" + i).Append(RpcNodeName).ToArray();
        RefuseToOverwrite(root, names, options.Force);

        Directory.CreateDirectory(root);
        var nodes = new List<NetworkNode>();
        for (int i = 0; i < names.Length; i++)
        {
            bool validator = names[i] != RpcNodeName;
            string ip = $"{options.SubnetPrefix}.{(validator ? 11 + i : 10)}";
            string folder = Path.Combine(root, "nodes", names[i]);
            OutputFiles.CreatePrivateFolder(folder);
            Directory.CreateDirectory(Path.Combine(folder, "data"));
            nodes.Add(new NetworkNode(names[i], ip, WriteNodeKey(Path.Combine(folder, "key")), validator));
        }

        // Ascending by address, the order Besu keeps validator sets in; the genesis would accept any order.
        var validators = nodes.Where(n => n.IsValidator).Select(n => n.Address)
            .OrderBy(a => Convert.ToHexString(a.ToArray()), StringComparer.Ordinal).ToArray();
        OutputFiles.WritePublic(Path.Combine(root, "genesis.json"), GenesisDocument.Build(options, validators));
        OutputFiles.WritePublic(Path.Combine(root, PermissionsFile.FileName), PermissionsFile.Build(nodes, options.Governance, options.Authorities));
        OutputFiles.WritePublic(Path.Combine(root, "network.json"), NetworkSummary.Build(options, nodes));
        WriteSecrets(Path.Combine(root, "secrets"));
        Directory.CreateDirectory(Path.Combine(root, "api", "data"));
        OutputFiles.WritePublic(Path.Combine(root, ".env"), ComposeEnvironment.Build(root, options, nodes));
        return nodes;
    }

    private static void RefuseToOverwrite(string root, IEnumerable<string> names, bool force)
    {
        if (force)
        {
            return;
        }

        var existing = names.Select(n => Path.Combine(root, "nodes", n, "key"))
            .Append(Path.Combine(root, "secrets", "postgres_password"))
            .FirstOrDefault(File.Exists);
        if (existing is not null)
        {
            throw new UsageException(
                $"{existing} exists: refusing to replace keys and secrets. Pass --force to generate a new network "
                + "(a new genesis is a new chain: the nodes' data folders must be emptied too).");
        }
    }

    /// <summary>Writes a new node key as Besu reads it (<c>0x</c> and 64 hex digits, no newline) and returns its public key.</summary>
    private static PublicKey WriteNodeKey(string path)
    {
        using var key = PrivateKey.Generate();
        var bytes = key.ExportBytes();
        var text = new byte[2 + (2 * PrivateKey.Size)];
        try
        {
            "0x"u8.CopyTo(text);
            Convert.TryToHexStringLower(bytes, text.AsSpan(2), out _);
            OutputFiles.WriteSecret(path, text);
            return key.PublicKey;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(bytes);
            CryptographicOperations.ZeroMemory(text);
        }
    }

    private static void WriteSecrets(string folder)
    {
        OutputFiles.CreatePrivateFolder(folder);
        string password = RandomSecret();
        OutputFiles.WriteSecret(Path.Combine(folder, "postgres_password"), Encoding.UTF8.GetBytes(password));

        // A PostgreSQL password file (host:port:database:user:password) for Npgsql's Passfile keyword, so the API's
        // connection string names a file instead of carrying the password through its environment.
        string pgpass = $"postgres:5432:{DatabaseName}:{DatabaseName}:{password}\n";
        OutputFiles.WriteSecret(Path.Combine(folder, "pgpass"), Encoding.UTF8.GetBytes(pgpass));
        OutputFiles.WriteSecret(Path.Combine(folder, "key_passphrase"), Encoding.UTF8.GetBytes(RandomSecret()));
    }

    /// <summary>32 random bytes as base64url: no character that a pgpass file or a shell would treat specially.</summary>
    private static string RandomSecret()
    {
        Span<byte> bytes = stackalloc byte[32];
        RandomNumberGenerator.Fill(bytes);
        string secret = Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        CryptographicOperations.ZeroMemory(bytes);
        return secret;
    }
}
