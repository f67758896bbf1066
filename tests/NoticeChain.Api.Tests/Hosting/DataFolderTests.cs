using NoticeChain.Api.Tests.Infrastructure;
using NoticeChain.Auth;

namespace NoticeChain.Api.Tests.Hosting;

/// <summary>Everything the API writes goes to its data folder, created at start.</summary>
public sealed class DataFolderTests
{
    [Fact]
    public async Task The_dev_key_and_the_data_protection_key_ring_are_created_in_the_data_folder_at_start()
    {
        await using var api = await ApiServer.StartAsync();

        Assert.True(File.Exists(DevTokenDefaults.KeyFileIn(api.DataFolder)));
        Assert.NotEmpty(Directory.GetFiles(Path.Combine(api.DataFolder, "data-protection")));
    }

    [Fact]
    public async Task Production_mode_creates_no_dev_key()
    {
        await using var provider = await StubIdentityProvider.StartAsync();
        await using var api = await ApiServer.StartAsync(new Dictionary<string, string?>
        {
            ["Auth:Mode"] = "Production",
            ["Verify:PublicBaseUrl"] = "https://bescheide.example.org",
            ["Auth:Issuer"] = provider.Issuer,
            ["Auth:Audience"] = StubIdentityProvider.Audience,
            ["Auth:JwksUrl"] = provider.JwksUrl,
        });

        Assert.False(File.Exists(DevTokenDefaults.KeyFileIn(api.DataFolder)));
    }
}
