using System.Text.Json;
using NoticeChain.Ethereum.Encoding;
using NoticeChain.Ethereum.Rlp;

namespace NoticeChain.Besu.GenesisTool;

/// <summary>The command line: <c>generate</c> and <c>decode-extradata</c>. Exit codes: 0 ok, 1 negative answer, 2 error.</summary>
internal static class ToolCommand
{
    private const string Usage = """
        Usage:
          genesis-tool generate --out DIR --chain-id N --governance ADDRESS [--authority ADDRESS]...
                                (--compiler-json contracts/compiler.json | --evm-version paris)
                                [--validators 4] [--block-period 2] [--request-timeout 4] [--epoch-length 30000]
                                [--subnet-prefix 172.30.40] [--env NAME=value]... [--force]
          genesis-tool decode-extradata (--genesis genesis.json | --hex 0x...)

        generate writes node keys (mode 600, never printed), genesis.json, permissions_config.toml, network.json,
        secrets/ and .env into DIR; it refuses to replace existing keys without --force.
        decode-extradata prints the validators of a QBFT extraData, one address per line; with --genesis it
        exits 1 unless the extraData is a genesis one (zero vanity, no vote, round 0, no seals).
        """;

    /// <summary>Runs the tool; <paramref name="output"/> gets results, <paramref name="error"/> messages.</summary>
    public static int Run(IReadOnlyList<string> args, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        try
        {
            return args.Count == 0 ? Fail(error, "A command is required.")
                : args[0] switch
                {
                    "generate" => Generate(GenerateOptions.Parse(args.Skip(1).ToArray()), output),
                    "decode-extradata" => DecodeExtraData(args.Skip(1).ToArray(), output, error),
                    "-h" or "--help" => Help(output),
                    _ => Fail(error, $"Unknown command '{args[0]}'."),
                };
        }
        catch (UsageException e)
        {
            error.WriteLine("error: " + e.Message);
            return 2;
        }
    }

    private static int Generate(GenerateOptions options, TextWriter output)
    {
        var nodes = NetworkGenerator.Generate(options);
        output.WriteLine($"Generated a QBFT network (chain id {options.ChainId}, evmVersion {options.EvmVersion}) in {Path.GetFullPath(options.OutputFolder)}");
        foreach (var node in nodes)
        {
            output.WriteLine($"  {node.Name,-11} {(node.IsValidator ? "validator" : "rpc      ")} {node.Address.ToLowerHex()} {node.IpAddress}");
        }

        return 0;
    }

    private static int DecodeExtraData(string[] args, TextWriter output, TextWriter error)
    {
        if (args.Length != 2 || args[0] is not ("--genesis" or "--hex"))
        {
            throw new UsageException("decode-extradata takes --genesis FILE or --hex DATA.");
        }

        bool genesis = args[0] == "--genesis";
        string hex = genesis ? ReadExtraData(args[1]) : args[1];
        if (!Hex.TryDecode(hex, out var bytes))
        {
            throw new UsageException("The extraData is not an even-length hex string.");
        }

        QbftExtraData extraData;
        try
        {
            extraData = QbftExtraData.Decode(bytes);
        }
        catch (RlpException e)
        {
            throw new UsageException("Not a QBFT extraData: " + e.Message);
        }

        foreach (var validator in extraData.Validators)
        {
            output.WriteLine(validator.ToLowerHex());
        }

        if (genesis && !extraData.IsGenesis)
        {
            error.WriteLine("The extraData is not a genesis extraData: it has a non-zero vanity, a vote, a round above 0, seals or no validators.");
            return 1;
        }

        return 0;
    }

    private static string ReadExtraData(string genesisPath)
    {
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(genesisPath));
            return document.RootElement.TryGetProperty("extraData", out var value) && value.ValueKind == JsonValueKind.String
                ? value.GetString()!
                : throw new UsageException($"{genesisPath} has no string extraData.");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException)
        {
            throw new UsageException($"Cannot read {genesisPath}: {e.Message}");
        }
    }

    private static int Help(TextWriter output)
    {
        output.WriteLine(Usage);
        return 0;
    }

    private static int Fail(TextWriter error, string message)
    {
        error.WriteLine("error: " + message);
        error.WriteLine(Usage);
        return 2;
    }
}
