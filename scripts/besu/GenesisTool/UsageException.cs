namespace NoticeChain.Besu.GenesisTool;

/// <summary>A wrong invocation or a refusal (existing keys without --force); printed as one line, exit code 2.</summary>
internal sealed class UsageException(string message) : Exception(message);
