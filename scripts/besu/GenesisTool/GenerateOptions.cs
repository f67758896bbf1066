using System.Buffers;
using System.Globalization;
using System.Numerics;
using System.Text.Json;
using System.Text.RegularExpressions;
using NoticeChain.Ethereum.Crypto;

namespace NoticeChain.Besu.GenesisTool;

/// <summary>The parameters of <c>generate</c>, parsed from the command line.</summary>
internal sealed partial class GenerateOptions
{
    /// <summary>Characters a compose .env value must not hold: quoting, interpolation, escapes, line breaks.</summary>
    private static readonly SearchValues<char> ForbiddenInEnvironmentValues = SearchValues.Create("\r\n\"'$\\");

    /// <summary>The folder to write into.</summary>
    public required string OutputFolder { get; init; }

    /// <summary>The chain id (EIP-155).</summary>
    public required ulong ChainId { get; init; }

    /// <summary>How many validators; docker-compose.yml runs four.</summary>
    public int ValidatorCount { get; init; } = 4;

    /// <summary>QBFT <c>blockperiodseconds</c>.</summary>
    public int BlockPeriodSeconds { get; init; } = 2;

    /// <summary>QBFT <c>requesttimeoutseconds</c>: how long a round waits before a round change.</summary>
    public int RequestTimeoutSeconds { get; init; } = 4;

    /// <summary>QBFT <c>epochlength</c>: blocks after which pending validator votes are discarded.</summary>
    public long EpochLength { get; init; } = 30000;

    /// <summary>The compiler's evmVersion (from contracts/compiler.json).</summary>
    public required string EvmVersion { get; init; }

    /// <summary>The governance account: always on the accounts allowlist.</summary>
    public required Address Governance { get; init; }

    /// <summary>The registered authorities' signing accounts.</summary>
    public required IReadOnlyList<Address> Authorities { get; init; }

    /// <summary>The first three octets of the compose network (<c>172.30.40</c>): validators get .11…, the RPC node .10.</summary>
    public string SubnetPrefix { get; init; } = "172.30.40";

    /// <summary>Replace existing node keys and secrets.</summary>
    public bool Force { get; init; }

    /// <summary>Extra <c>NAME=value</c> lines for the compose .env (the host user, the OIDC settings).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> ExtraEnvironment { get; init; } = [];

    /// <summary>Parses the arguments after <c>generate</c>.</summary>
    /// <exception cref="UsageException">A missing, unknown or malformed argument.</exception>
    public static GenerateOptions Parse(IReadOnlyList<string> args)
    {
        string? output = null, evm = null, compilerJson = null, subnet = null;
        ulong? chainId = null;
        int validators = 4, period = 2, timeout = 4;
        long epoch = 30000;
        Address? governance = null;
        var authorities = new List<Address>();
        var env = new List<KeyValuePair<string, string>>();
        bool force = false;
        for (int i = 0; i < args.Count; i++)
        {
            string name = args[i];
            string Value() => i + 1 < args.Count ? args[++i] : throw new UsageException($"{name} needs a value.");
            switch (name)
            {
                case "--out": output = Value(); break;
                case "--chain-id": chainId = ParseNumber<ulong>(name, Value(), 1, long.MaxValue); break;
                case "--validators": validators = ParseNumber<int>(name, Value(), 1, 32); break;
                case "--block-period": period = ParseNumber<int>(name, Value(), 1, 600); break;
                case "--request-timeout": timeout = ParseNumber<int>(name, Value(), 1, 3600); break;
                case "--epoch-length": epoch = ParseNumber<long>(name, Value(), 1, long.MaxValue); break;
                case "--evm-version": evm = Value(); break;
                case "--compiler-json": compilerJson = Value(); break;
                case "--governance": governance = ParseAddress(name, Value()); break;
                case "--authority": authorities.Add(ParseAddress(name, Value())); break;
                case "--subnet-prefix": subnet = Value(); break;
                case "--env": env.Add(ParseEnvironmentEntry(Value())); break;
                case "--force": force = true; break;
                default: throw new UsageException($"Unknown argument '{name}'.");
            }
        }

        if (evm is not null && compilerJson is not null)
        {
            throw new UsageException("Give --evm-version or --compiler-json, not both.");
        }

        evm ??= compilerJson is not null ? ReadEvmVersion(compilerJson) : throw new UsageException("--evm-version or --compiler-json is required.");
        if (!EvmMilestones.Supported.Contains(evm))
        {
            throw new UsageException($"evmVersion '{evm}' has no Besu milestone mapping here; supported: {string.Join(", ", EvmMilestones.Supported)}.");
        }

        if (subnet is not null && !SubnetPattern().IsMatch(subnet))
        {
            throw new UsageException("--subnet-prefix is three octets, e.g. 172.30.40.");
        }

        return new GenerateOptions
        {
            OutputFolder = output ?? throw new UsageException("--out is required."),
            ChainId = chainId ?? throw new UsageException("--chain-id is required."),
            ValidatorCount = validators,
            BlockPeriodSeconds = period,
            RequestTimeoutSeconds = timeout,
            EpochLength = epoch,
            EvmVersion = evm,
            Governance = governance ?? throw new UsageException("--governance is required."),
            Authorities = authorities,
            SubnetPrefix = subnet ?? "172.30.40",
            Force = force,
            ExtraEnvironment = env,
        };
    }

    private static T ParseNumber<T>(string name, string text, long min, long max)
        where T : struct, IBinaryInteger<T>
    {
        if (!long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out long value) || value < min || value > max)
        {
            throw new UsageException($"{name} must be a whole number from {min} to {max}.");
        }

        return T.CreateChecked(value);
    }

    private static Address ParseAddress(string name, string text) =>
        Address.TryParse(text, out var address) && !address.IsZero
            ? address
            : throw new UsageException($"{name} '{text}' is not a valid non-zero address (40 hex digits, EIP-55 checksum if mixed case).");

    private static KeyValuePair<string, string> ParseEnvironmentEntry(string entry)
    {
        int equals = entry.IndexOf('=', StringComparison.Ordinal);
        string name = equals > 0 ? entry[..equals] : string.Empty;
        string value = equals > 0 ? entry[(equals + 1)..] : string.Empty;
        if (!EnvNamePattern().IsMatch(name) || value.AsSpan().ContainsAny(ForbiddenInEnvironmentValues))
        {
            throw new UsageException($"--env takes NAME=value with NAME in [A-Z0-9_] and a value without quotes, '$', '\\' or line breaks.");
        }

        return new(name, value);
    }

    private static string ReadEvmVersion(string compilerJsonPath)
    {
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(compilerJsonPath));
            return document.RootElement.TryGetProperty("evmVersion", out var evm) && evm.ValueKind == JsonValueKind.String
                ? evm.GetString()!
                : throw new UsageException($"{compilerJsonPath} has no string evmVersion.");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException)
        {
            throw new UsageException($"Cannot read evmVersion from {compilerJsonPath}: {e.Message}");
        }
    }

    [GeneratedRegex("^[A-Z][A-Z0-9_]*$")]
    private static partial Regex EnvNamePattern();

    [GeneratedRegex(@"^(25[0-5]|2[0-4]\d|1?\d?\d)\.(25[0-5]|2[0-4]\d|1?\d?\d)\.(25[0-5]|2[0-4]\d|1?\d?\d)$")]
    private static partial Regex SubnetPattern();
}
