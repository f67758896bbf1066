using NoticeChain.Api;
using NoticeChain.Api.Hosting;

try
{
    var app = ApiHost.Build(ApiHost.CreateBuilder(args));
    await using (app.ConfigureAwait(false))
    {
        ApiHost.CheckStartup(app);
        await app.RunAsync().ConfigureAwait(false);

        // 0 after a normal stop; a component that stopped the host for a fault it found while running (the node on
        // another chain) sets Environment.ExitCode first, so supervisors see a failure rather than a clean exit.
        return Environment.ExitCode;
    }
}
catch (Exception e) when (StartupErrors.TryDescribe(e, out var message))
{
    await Console.Error.WriteLineAsync(message).ConfigureAwait(false);
    return 2;
}
