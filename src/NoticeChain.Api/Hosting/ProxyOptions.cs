using System.Net;

namespace NoticeChain.Api.Hosting;

/// <summary>The reverse proxies whose <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c> the host believes
/// (configuration section <c>Proxy</c>, e.g. <c>NOTICECHAIN__Proxy__TrustedProxies__0=172.20.0.0/16</c>).</summary>
/// <remarks>
/// Empty by default: the client address is then the TCP peer's, and a forwarded header is ignored, because believing
/// it from anyone would let every caller choose its own rate-limit budget. Behind a proxy, name the proxy's address
/// or network here; otherwise every client shares the proxy's budget of the public verify endpoints. Only the last
/// hop is taken (<c>ForwardLimit = 1</c>): the proxy must overwrite, not append to, the header it receives.
/// </remarks>
internal sealed class ProxyOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Proxy";

    /// <summary>Addresses (<c>10.0.0.5</c>) or networks in CIDR notation (<c>10.0.0.0/8</c>) of trusted proxies; blank
    /// entries (an unset variable in a compose file) are ignored.</summary>
    public IList<string> TrustedProxies { get; } = [];

    /// <summary>Parses one entry; false when it is neither an IP address nor a CIDR network.</summary>
    public static bool TryParse(string? entry, out IPNetwork network)
    {
        network = default;
        if (string.IsNullOrWhiteSpace(entry))
        {
            return false;
        }

        var text = entry.Trim();
        if (IPNetwork.TryParse(text, out network))
        {
            return true;
        }

        if (IPAddress.TryParse(text, out var address))
        {
            network = new IPNetwork(address, address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? 32 : 128);
            return true;
        }

        return false;
    }
}
