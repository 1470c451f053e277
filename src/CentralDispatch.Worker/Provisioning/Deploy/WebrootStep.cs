using CentralDispatch.Worker.Configuration;
using CentralDispatch.Worker.Host.Files;
using CentralDispatch.Worker.Host.Templates;
using Microsoft.Extensions.Options;

namespace CentralDispatch.Worker.Provisioning.Deploy;

/// <summary>
/// Step 3: copies the release tree into the instance's webroot, renders the instance config file (database login,
/// URL, e-mail) into it, and gives the tree to the web server user. Rollback removes the folder this job created.
/// </summary>
public sealed class WebrootStep(
    IOptions<WorkerOptions> options,
    TreeCopier copier,
    TreeOwnership ownership,
    TemplateRenderer templates) : IProvisioningStep
{
    /// <summary>0640: the web server reads the config file (it holds the database password); others do not.</summary>
    private const UnixFileMode ConfigFileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead;

    public string Name => DeployStepNames.Webroot;

    public TimeSpan? Timeout => TimeSpan.FromMinutes(30);

    public async Task ApplyAsync(StepContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var worker = options.Value;
        var layout = InstanceLayout.For(context.Instance, worker);
        var resource = layout.WebrootResource;
        var token = context.CancellationToken;
        var claim = context.ClaimOf(resource);
        var exists = Path.Exists(layout.Webroot);
        if (exists && claim == ResourceClaim.None)
        {
            throw new ResourceNotOwnedException(resource);
        }

        if (exists && claim == ResourceClaim.Intended)
        {
            // A copy this job started and never finished (the worker stopped mid-copy): start it over.
            Directory.Delete(layout.Webroot, recursive: true);
            exists = false;
        }

        if (!exists)
        {
            if (claim == ResourceClaim.None)
            {
                await context.RecordIntentAsync(resource);
            }

            await copier.CopyAsync(ReleaseFolders.Resolve(worker.Paths, context.Instance.Release), layout.Webroot, token);
            await context.RecordCreatedAsync(resource);
        }

        await WriteInstanceConfigAsync(context, worker, layout, layout.Webroot);
        await ownership.ChangeOwnerAsync(layout.Webroot, worker.WebServer.User, worker.WebServer.Group, token);
    }

    public Task<bool> VerifyAsync(StepContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var worker = options.Value;
        var layout = InstanceLayout.For(context.Instance, worker);
        return Task.FromResult(File.Exists(InstanceConfigPath(worker, layout.Webroot)));
    }

    public Task RollbackAsync(ResourceId resource, StepContext context)
    {
        ArgumentNullException.ThrowIfNull(resource);
        if (resource.Kind != ResourceKinds.Directory)
        {
            throw new InvalidOperationException($"{Name} does not create {resource}.");
        }

        if (Directory.Exists(resource.Identifier))
        {
            Directory.Delete(resource.Identifier, recursive: true);
        }

        return Task.CompletedTask;
    }

    /// <summary>Renders the instance config file into <paramref name="webroot"/> with the password from the secrets file.</summary>
    public async Task WriteInstanceConfigAsync(StepContext context, WorkerOptions worker, InstanceLayout layout, string webroot)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(worker);
        ArgumentNullException.ThrowIfNull(layout);
        var secrets = await InstanceSecrets.ReadAsync(layout.SecretsFile, context.CancellationToken)
                      ?? throw new InvalidOperationException($"The secrets file {layout.SecretsFile} is missing; the database password is unknown.");
        var values = DeployTemplateValues.InstanceConfig(context.Instance, worker, layout, webroot, secrets.DatabasePassword);
        var content = await templates.RenderFileAsync(worker.InstanceConfig.TemplatePath, values, context.CancellationToken);
        var path = InstanceConfigPath(worker, webroot);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await AtomicFile.WriteTextAsync(path, content, ConfigFileMode, context.CancellationToken);
    }

    /// <summary>The config file's path inside the webroot; a configured name that would leave the webroot is refused.</summary>
    public static string InstanceConfigPath(WorkerOptions worker, string webroot)
    {
        ArgumentNullException.ThrowIfNull(worker);
        var path = Path.GetFullPath(Path.Combine(webroot, worker.InstanceConfig.FileName));
        return path.StartsWith(Path.GetFullPath(webroot) + "/", StringComparison.Ordinal)
            ? path
            : throw new InvalidOperationException($"Worker:InstanceConfig:FileName '{worker.InstanceConfig.FileName}' leaves the webroot.");
    }
}
