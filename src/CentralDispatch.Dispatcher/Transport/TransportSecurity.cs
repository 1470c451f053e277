using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CentralDispatch.Dispatcher.Transport;

/// <summary>HTTPS with the dispatcher's own certificate, forwarded headers from known proxies only, and HSTS over HTTPS.</summary>
public static class TransportSecurity
{
    /// <summary>A year, as for any site that will stay on HTTPS; sent only on HTTPS responses, never for localhost.</summary>
    public static readonly TimeSpan HstsMaxAge = TimeSpan.FromDays(365);

    public static IServiceCollection AddTransportSecurity(this IServiceCollection services, IConfiguration configuration, string? urls)
    {
        var listenUrls = ListenUrls(configuration, urls);
        services.AddOptions<TransportOptions>()
            .Bind(configuration.GetSection(TransportOptions.Section))
            .Configure(o =>
            {
                o.ListenUrls = listenUrls;
                o.KestrelDefaultCertificate = !string.IsNullOrWhiteSpace(configuration["Kestrel:Certificates:Default:Path"]);
            })
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<TransportOptions>, TransportOptionsValidator>();
        // Kestrel's options are built with the app; the transport's are read only when an https address is bound (at
        // start, after DispatcherApp.StartAsync validated them).
        services.AddOptions<KestrelServerOptions>().Configure<IOptions<TransportOptions>>((kestrel, transport) => kestrel.ConfigureHttpsDefaults(https =>
        {
            var options = transport.Value;
            if (!string.IsNullOrWhiteSpace(options.CertificateFile))
            {
                https.ServerCertificate = ServerCertificate.Load(options.CertificateFile, options.CertificateKeyFile);
            }
        }));
        services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<TransportOptions>>((forwarded, transport) => TrustProxies(forwarded, transport.Value));
        services.AddHsts(o => o.MaxAge = HstsMaxAge);
        return services;
    }

    /// <summary>Says, once started, which plain http addresses other machines reach (allowed by Transport:AllowInsecureHttp).</summary>
    public static void LogInsecureAddresses(IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<TransportOptions>>().Value;
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(TransportSecurity));
        foreach (var address in options.ListenUrls.Select(ListenAddress.Parse).Where(a => !a.IsHttps && !a.IsLocal))
        {
            TransportLog.InsecureHttp(logger, address.Url);
        }
    }

    private static void TrustProxies(ForwardedHeadersOptions forwarded, TransportOptions transport)
    {
        forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
        if (transport.KnownProxies.Count == 0 && transport.KnownNetworks.Count == 0)
        {
            return; // ASP.NET Core's default: loopback (127.0.0.0/8, ::1) only.
        }

        forwarded.KnownProxies.Clear();
        forwarded.KnownIPNetworks.Clear();
        foreach (var proxy in transport.KnownProxies)
        {
            forwarded.KnownProxies.Add(IPAddress.Parse(proxy));
        }

        foreach (var network in transport.KnownNetworks)
        {
            forwarded.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
        }
    }

    private static List<string> ListenUrls(IConfiguration configuration, string? urls)
    {
        var given = urls ?? configuration["urls"] ?? string.Empty;
        var endpoints = configuration.GetSection("Kestrel:Endpoints").GetChildren().Select(e => e["Url"]).OfType<string>();
        return [.. given.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries), .. endpoints];
    }
}
