using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;

namespace NoticeChain.Api.Authentication;

/// <summary>Registers bearer-token authentication from the <c>Auth</c> configuration section.</summary>
internal static class AuthenticationSetup
{
    public static IServiceCollection AddNoticeChainAuthentication(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AuthOptions>().Bind(configuration.GetSection(AuthOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<AuthOptions>, AuthOptionsValidator>();
        services.AddSingleton<DevSigningKeyProvider>();
        services.AddHostedService<DevSigningKeyInitializer>();
        services.AddHttpClient(JwtBearerOptionsSetup.JwksHttpClient, client =>
        {
            client.Timeout = TimeSpan.FromSeconds(30);
            client.MaxResponseContentBufferSize = 1024 * 1024;
        });
        services.ConfigureOptions<JwtBearerOptionsSetup>();
        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        return services;
    }
}
