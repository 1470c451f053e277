using CentralDispatch.Core.Contracts.Agent;
using CentralDispatch.Core.Domain;
using CentralDispatch.Worker.Configuration;
using CentralDispatch.Worker.Host.Apache;
using CentralDispatch.Worker.Host.Certificates;

namespace CentralDispatch.Worker.Provisioning.Deploy;

/// <summary>Where everything of one instance lives on this host, derived from its name and the worker's configuration.</summary>
public sealed record InstanceLayout(
    string Name,
    string Webroot,
    string VirtualHostFile,
    string? SiteLink,
    CertificatePaths Certificates,
    string SecretsFile,
    string ErrorLog,
    string AccessLog,
    string CronTag,
    string Database,
    string DatabaseUser)
{
    public static InstanceLayout For(InstancePayload instance, WorkerOptions options)
    {
        ArgumentNullException.ThrowIfNull(instance);
        ArgumentNullException.ThrowIfNull(options);
        var name = instance.Name;
        var vhosts = new VirtualHostFiles(options.WebServer);
        var derived = DerivedNames.For(name);
        return new InstanceLayout(
            name,
            Path.Combine(options.Paths.InstallPath, derived.WebrootFolder),
            vhosts.FileFor(name),
            vhosts.LinkFor(name),
            CertificatePaths.For(options.Paths.CertsFolder, name),
            Path.Combine(options.Paths.SecretsFolder, name + ".json"),
            Path.Combine(options.WebServer.LogFolder, name + "-error.log"),
            Path.Combine(options.WebServer.LogFolder, name + "-access.log"),
            derived.CronTag,
            derived.Database,
            derived.DatabaseUser);
    }

    public ResourceId WebrootResource => new(ResourceKinds.Directory, Webroot);
    public ResourceId DatabaseResource => new(ResourceKinds.Database, Database);
    public ResourceId DatabaseUserResource => new(ResourceKinds.DatabaseUser, DatabaseUser);
    public ResourceId SecretsResource => new(ResourceKinds.File, SecretsFile);
    public ResourceId VirtualHostResource => new(ResourceKinds.File, VirtualHostFile);
    public ResourceId? SiteLinkResource => SiteLink is null ? null : new(ResourceKinds.Link, SiteLink);
    public ResourceId CronResource => new(ResourceKinds.Cron, CronTag);
}
