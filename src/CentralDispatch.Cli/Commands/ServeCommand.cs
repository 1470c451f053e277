using System.CommandLine;
using CentralDispatch.Dispatcher;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace CentralDispatch.Cli.Commands;

/// <summary>`dispatch serve`: runs the dispatcher (web UI, REST API, job queue).</summary>
public static class ServeCommand
{
    /// <summary>Each flag and the setting it sets; a refused setting is reported under its flag.</summary>
    private static readonly (string Flag, string Key)[] FlagKeys =
    [
        ("--certificate-key", "Transport:CertificateKeyFile"),
        ("--certificate", "Transport:CertificateFile"),
        ("--allow-insecure-http", "Transport:AllowInsecureHttp"),
        ("--key-ring-certificate-key", "DataProtection:CertificateKeyFile"),
        ("--key-ring-certificate", "DataProtection:CertificateFile"),
    ];

    public static Command Build()
    {
        var urls = new Option<string>("--urls")
        {
            Description = "Addresses to listen on, separated by ';'. Plain http only on loopback unless --allow-insecure-http; https:// needs --certificate.",
            DefaultValueFactory = _ => "http://127.0.0.1:8080",
        };
        var certificate = new Option<string?>("--certificate") { Description = "PEM certificate (its chain after it) to serve https:// addresses with.", HelpName = "FILE" };
        var certificateKey = new Option<string?>("--certificate-key") { Description = "The certificate's PEM private key (unencrypted; mode 0600).", HelpName = "FILE" };
        var insecure = new Option<bool>("--allow-insecure-http")
        {
            Description = "Allow plain http:// on an address other machines reach (passwords, tokens and TLS keys then cross the network unencrypted).",
        };
        var keyRing = new Option<string?>("--key-ring-certificate")
        {
            Description = "RSA certificate (PKCS#12, or PEM with its key) the encryption key ring is encrypted with; required with --database. "
                          + "A password goes in DataProtection__CertificatePassword.",
            HelpName = "FILE",
        };
        var keyRingKey = new Option<string?>("--key-ring-certificate-key") { Description = "The PEM key of a PEM --key-ring-certificate, when in its own file.", HelpName = "FILE" };
        var data = CommonOptions.Data();
        var database = CommonOptions.Database();
        var command = new Command("serve", "Run the dispatcher: web UI, REST API and job queue.")
        {
            urls, certificate, certificateKey, insecure, keyRing, keyRingKey, data, database,
        };
        command.SetAction((result, cancellationToken) => CliErrors.Guard(async () =>
        {
            ProcessUmask.RestrictToOwner();
            var configuration = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
            Set(configuration, "Transport:CertificateFile", FullPath(result.GetValue(certificate)));
            Set(configuration, "Transport:CertificateKeyFile", FullPath(result.GetValue(certificateKey)));
            Set(configuration, "Transport:AllowInsecureHttp", result.GetValue(insecure) ? "true" : null);
            Set(configuration, "DataProtection:CertificateFile", FullPath(result.GetValue(keyRing)));
            Set(configuration, "DataProtection:CertificateKeyFile", FullPath(result.GetValue(keyRingKey)));
            var settings = new DispatcherSettings(result.GetValue(data)!, result.GetValue(database), result.GetValue(urls), Configuration: configuration);
            await using var app = DispatcherApp.Build(settings);
            IReadOnlyList<string> addresses;
            try
            {
                addresses = await DispatcherApp.StartAsync(app, cancellationToken);
            }
            catch (Exception e) when (SettingFailures(e) is { } failures)
            {
                throw new CliException(string.Join("; ", failures.Select(FlagName)));
            }

            await Console.Out.WriteLineAsync($"Central Dispatch is listening on {string.Join(", ", addresses)}");
            await app.WaitForShutdownAsync(cancellationToken);
            return 0;
        }));
        return command;
    }

    /// <summary>The failures of a start refused by options validation (one or several options types), else null.</summary>
    internal static IReadOnlyList<string>? SettingFailures(Exception e) => e switch
    {
        OptionsValidationException one => [.. one.Failures],
        AggregateException many when many.InnerExceptions.All(i => i is OptionsValidationException) =>
            [.. many.InnerExceptions.Cast<OptionsValidationException>().SelectMany(i => i.Failures)],
        _ => null,
    };

    private static string FlagName(string failure) => FlagKeys.FirstOrDefault(f => failure.StartsWith(f.Key, StringComparison.Ordinal)) switch
    {
        { Flag: not null } match => $"{match.Flag}: {failure}",
        _ when failure.StartsWith("Listen address", StringComparison.Ordinal) => $"--urls: {failure} (--allow-insecure-http sets it)",
        _ => failure,
    };

    private static void Set(Dictionary<string, string?> configuration, string key, string? value)
    {
        if (value is not null)
        {
            configuration[key] = value;
        }
    }

    private static string? FullPath(string? path) => string.IsNullOrWhiteSpace(path) ? null : Path.GetFullPath(path);
}
