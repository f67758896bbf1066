using NoticeChain.Api;
using NoticeChain.Api.Hosting;

try
{
    var app = ApiHost.Build(ApiHost.CreateBuilder(args));
    await using (app.ConfigureAwait(false))
    {
        ApiHost.CheckStartup(app);
        await app.RunAsync().ConfigureAwait(false);
        return 0;
    }
}
catch (Exception e) when (StartupErrors.TryDescribe(e, out var message))
{
    await Console.Error.WriteLineAsync(message).ConfigureAwait(false);
    return 2;
}
