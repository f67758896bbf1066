using System.CommandLine;
using NoticeChain.Cli.Keys;
using NoticeChain.Ethereum.Crypto;
using NoticeChain.Ethereum.Keystore;

namespace NoticeChain.Cli.Commands;

/// <summary><c>noticechain keys new|address</c>: create and inspect keystore files.</summary>
internal static class KeysCommands
{
    public static Command Build()
    {
        var keys = new Command("keys", "Create and inspect encrypted signing keys (Web3 Secret Storage v3 keystores).");
        keys.Subcommands.Add(New());
        keys.Subcommands.Add(Address());
        return keys;
    }

    private static Command New()
    {
        var output = new Option<FileInfo>("--out") { Description = "Where to write the keystore file (must not exist).", Required = true };
        var passphraseFile = CliOptions.PassphraseFile();
        var light = new Option<bool>("--light")
        {
            Description = "Use light scrypt parameters (n=4096) for development keys; production keys use the standard n=262144.",
        };
        var command = new Command("new", "Generate a new secp256k1 key and write it encrypted to a keystore file; prints its address.")
        {
            output, passphraseFile, light,
        };
        command.SetAction((parse, _) =>
        {
            var target = parse.GetValue(output)!;
            if (target.Exists)
            {
                throw new CliException($"'{target.FullName}' exists already; refusing to overwrite a key.");
            }

            string passphrase = ReadPassphraseForNewKey(parse.GetValue(passphraseFile));
            using var key = PrivateKey.Generate();
            var file = Web3Keystore.Encrypt(key, passphrase, parse.GetValue(light) ? ScryptCost.Light : ScryptCost.Standard);
            target.Directory?.Create();
            WriteOwnerOnly(target.FullName, file.ToJson());
            parse.InvocationConfiguration.Output.WriteLine(key.Address.ToString());
            return Task.FromResult(0);
        });
        return command;
    }

    private static Command Address()
    {
        var keyFile = CliOptions.KeyFile();
        keyFile.Required = true;
        var passphraseFile = CliOptions.PassphraseFile();
        var command = new Command("address", "Print the address of a keystore's key (decrypts it to check the passphrase).")
        {
            keyFile, passphraseFile,
        };
        command.SetAction((parse, _) =>
        {
            using var key = new SigningKeySource().Load(parse.GetValue(keyFile), parse.GetValue(passphraseFile), CliOptions.GovernanceKeyVariable);
            parse.InvocationConfiguration.Output.WriteLine(key.Address.ToString());
            return Task.FromResult(0);
        });
        return command;
    }

    private static string ReadPassphraseForNewKey(FileInfo? passphraseFile)
    {
        var passphrase = passphraseFile is null && Environment.GetEnvironmentVariable(SigningKeySource.PassphraseVariable) is null
            ? string.Empty
            : new SigningKeySource().ReadPassphrase(passphraseFile);
        return passphrase.Length > 0
            ? passphrase
            : throw new CliException($"A new key needs a passphrase: set {SigningKeySource.PassphraseVariable} or pass --passphrase-file.");
    }

    /// <summary>Writes a secret file readable only by its owner on Unix (mode 600 from creation, no window).</summary>
    private static void WriteOwnerOnly(string path, string content)
    {
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using var stream = new FileStream(path, options);
        using var writer = new StreamWriter(stream);
        writer.Write(content);
    }
}
