using CentralDispatch.Worker.Configuration;
using CentralDispatch.Worker.Machine.Apache;
using CentralDispatch.Worker.Machine.Certificates;
using CentralDispatch.Worker.Machine.Files;
using CentralDispatch.Worker.Machine.Http;
using CentralDispatch.Worker.Machine.Reloads;
using CentralDispatch.Worker.Machine.Templates;
using CentralDispatch.Worker.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace CentralDispatch.Worker.Tests.Machine.Apache;

/// <summary>One private Apache for the whole test run, on two free loopback ports; each test adds sites with its own names.</summary>
public sealed class SandboxApacheFixture : IAsyncLifetime
{
    private readonly TestFolder _folder = new("cd-apache");

    public SandboxApache Apache { get; private set; } = null!;

    public SandboxApacheLayout Layout => Apache.Layout;

    public int HttpPort => Apache.Settings.HttpPort;

    public int HttpsPort => Apache.Settings.HttpsPort;

    public IWebServerControl Control { get; private set; } = null!;

    public VirtualHostFiles Sites { get; private set; } = null!;

    public LocalSiteProbe Probe { get; } = new(TimeProvider.System);

    public async Task InitializeAsync()
    {
        var ports = LoopbackPorts.PickFree(2);
        var settings = new SandboxApacheSettings(new SandboxApacheLayout(_folder.Combine("apache")), "127.0.0.1", ports[0], ports[1]);
        Apache = new SandboxApache(settings, RealHost.Runner, TimeProvider.System, NullLogger<SandboxApache>.Instance);
        Control = new CommandWebServerControl(settings.Layout.ConfigTestCommand, settings.Layout.ReloadCommand, TimeSpan.FromSeconds(60), RealHost.Runner);
        Sites = new VirtualHostFiles(new WebServerOptions { SitesAvailable = settings.Layout.SitesAvailable, SitesEnabled = settings.Layout.SitesEnabled });
        await Apache.StartAsync(CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        await Apache.DisposeAsync();
        _folder.Dispose();
    }

    public ReloadCoordinator NewCoordinator(TimeSpan window) =>
        new(Control, window, new ReloadRequesters(), TimeProvider.System, NullLogger<ReloadCoordinator>.Instance);

    /// <summary>What a deploy does for a site, with the shipped templates: webroot from the sample release, certificate files, vhost, enabling link.</summary>
    /// <param name="name">The site's name.</param>
    /// <param name="certificate">Its certificate, or null for plain HTTP.</param>
    /// <param name="configFileName">The instance config file's name the vhost denies.</param>
    /// <param name="release">The tree to serve; the sample release when null.</param>
    public async Task<string> AddSiteAsync(string name, TestCertificate? certificate, string configFileName = ".env", string? release = null)
    {
        var hostname = CentralDispatch.Testing.TestNames.Hostname(name);
        var webroot = _folder.Combine("www", name);
        Directory.CreateDirectory(_folder.Combine("www"), FileModes.Folder);
        await new TreeCopier().CopyAsync(release ?? RepositoryFiles.SampleRelease, webroot, CancellationToken.None);

        var values = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [TemplateKeys.InstanceName] = name,
            [TemplateKeys.ServerName] = hostname,
            [TemplateKeys.ServerAliases] = string.Empty,
            [TemplateKeys.DocumentRoot] = webroot,
            [TemplateKeys.HttpPort] = HttpPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            [TemplateKeys.HttpsPort] = HttpsPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            [TemplateKeys.LogFolder] = Layout.LogFolder,
            [TemplateKeys.ConfigFile] = Path.Combine(Path.GetDirectoryName(webroot)!, configFileName),
            [TemplateKeys.ConfigFileName] = configFileName,
            [TemplateKeys.ConfigFileNamePattern] = System.Text.RegularExpressions.Regex.Escape(configFileName),
        };
        string template;
        if (certificate is null)
        {
            template = DefaultTemplates.PlainHttpVirtualHost;
            values[TemplateKeys.Url] = $"http://{hostname}:{HttpPort}";
        }
        else
        {
            var certs = CertificatePaths.For(Directory.CreateDirectory(_folder.Combine("certs")).FullName, name);
            await new CertificateFileWriter().WriteAsync(certs, certificate.CertificatePem, certificate.KeyPem, null, CancellationToken.None);
            template = DefaultTemplates.VirtualHost;
            values[TemplateKeys.Url] = $"https://{hostname}:{HttpsPort}";
            values[TemplateKeys.CertificateFile] = certs.CertificateFile;
            values[TemplateKeys.KeyFile] = certs.KeyFile;
        }

        var vhost = new TemplateRenderer().Render(DefaultTemplates.Read(template), values, template);
        await WriteEnabledSiteAsync(name, vhost);
        return hostname;
    }

    /// <summary>Writes sites-available/NAME.conf and links it from sites-enabled (what a2ensite does).</summary>
    public async Task WriteEnabledSiteAsync(string name, string vhost)
    {
        await Sites.WriteAsync(name, vhost, CancellationToken.None);
        Sites.Enable(name);
    }

    public void RemoveSite(string name)
    {
        Sites.Disable(name);
        Sites.Remove(name);
    }
}
