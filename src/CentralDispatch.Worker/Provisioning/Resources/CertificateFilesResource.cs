using CentralDispatch.Core.Validation;
using CentralDispatch.Worker.Configuration;
using CentralDispatch.Worker.Machine.Certificates;
using CentralDispatch.Worker.Machine.Files;
using CentralDispatch.Worker.Provisioning.Ownership;
using Microsoft.Extensions.Options;

namespace CentralDispatch.Worker.Provisioning.Resources;

/// <summary>
/// The instance's key (0600), chain and certificate (with its chain appended) in the certs folder, each headed by the
/// ownership tag line (PEM readers skip text before the BEGIN line). An instance without a certificate has none: it is
/// served with the default certificate, or over HTTP. Preflight checks the certificate as at create time.
/// </summary>
public sealed class CertificateFilesResource(IOptions<WorkerOptions> options, TimeProvider time) : PathResource(options)
{
    public override string Kind => ResourceKinds.File;

    protected override string Noun => "the certificate file";

    public override IReadOnlyList<ResourceId> OfInstance(StepContext context)
    {
        var paths = Layout(context).Certificates;
        return [new(Kind, paths.KeyFile), new(Kind, paths.ChainFile), new(Kind, paths.CertificateFile)];
    }

    /// <summary>Those of the payload's certificate, in the order written: key, chain (if any), certificate.</summary>
    public override IReadOnlyList<ResourceId> Wanted(StepContext context) => Files(context).Select(f => new ResourceId(Kind, f.Path)).ToList();

    /// <summary>The key matches, the certificate covers the host name and every alias and is valid now.</summary>
    public override Task<IReadOnlyList<string>> ProblemsAsync(StepContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Instance.Tls is not { } tls)
        {
            return Task.FromResult<IReadOnlyList<string>>([]);
        }

        var errors = new FieldErrors();
        TlsRule.Validate(tls.CertificatePem, tls.KeyPem, tls.ChainPem, [context.Instance.Hostname, .. context.Instance.Aliases], time.GetUtcNow(), errors);
        return Task.FromResult<IReadOnlyList<string>>(errors.ToDictionary().SelectMany(kv => kv.Value.Select(m => $"{kv.Key}: {m}")).ToList());
    }

    public override Task<Finding> FindAsync(ResourceId resource, StepContext context)
    {
        ArgumentNullException.ThrowIfNull(resource);
        ArgumentNullException.ThrowIfNull(context);
        var name = context.Instance.Name;
        return Task.FromResult(Found(resource, OwnershipTag.FileCarriesTag(resource.Identifier, name),
            $"its first line is not '{OwnershipTag.CommentLine(name)}'"));
    }

    protected override async Task CreateAsync(ResourceId resource, StepContext context)
    {
        ArgumentNullException.ThrowIfNull(resource);
        var file = Files(context).Single(f => f.Path == resource.Identifier);
        Directory.CreateDirectory(Worker.Paths.CertsFolder);
        await AtomicFile.WriteTextAsync(file.Path, file.Content, file.Mode, context.CancellationToken);
    }

    /// <summary>A resumed attempt writes the file again: it may have been cut short.</summary>
    protected override Task CompleteAsync(ResourceId resource, StepContext context, ResourceAcquisition acquisition) =>
        acquisition == ResourceAcquisition.Adopted ? CreateAsync(resource, context) : Task.CompletedTask;

    /// <summary>The certificate is there and its key is readable by its owner only.</summary>
    public override Task<bool> VerifyAsync(StepContext context)
    {
        if (Files(context).Count == 0)
        {
            return Task.FromResult(true);
        }

        var paths = Layout(context).Certificates;
        var keyIsPrivate = File.Exists(paths.KeyFile) && (File.GetUnixFileMode(paths.KeyFile) & (UnixFileMode.GroupRead | UnixFileMode.OtherRead)) == 0;
        return Task.FromResult(File.Exists(paths.CertificateFile) && keyIsPrivate);
    }

    public override Task RemoveAsync(ResourceId resource, StepContext context) => PathEntry.DeleteFileAsync(resource.Identifier);

    private IReadOnlyList<CertificateFile> Files(StepContext context) => context.Instance.Tls is { } tls
        ? CertificateFileWriter.Render(Layout(context).Certificates, tls.CertificatePem, tls.KeyPem, tls.ChainPem, OwnershipTag.CommentLine(context.Instance.Name))
        : [];
}
