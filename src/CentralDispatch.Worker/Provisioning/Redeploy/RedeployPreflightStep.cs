using CentralDispatch.Core.Validation;
using CentralDispatch.Worker.Configuration;
using CentralDispatch.Worker.Provisioning.Deploy;
using CentralDispatch.Worker.Provisioning.Resources;
using Microsoft.Extensions.Options;

namespace CentralDispatch.Worker.Provisioning.Redeploy;

/// <summary>
/// Refuses a redeploy that cannot work before anything is made: an unknown release or one whose manifest is invalid (its
/// health check included), a webroot that is not this system's
/// link into the instance's releases folder, or a missing secrets file (the config file could not be rendered).
/// </summary>
public sealed class RedeployPreflightStep(IOptions<WorkerOptions> options) : IProvisioningStep
{
    public string Name => DeployStepNames.Preflight;

    public async Task ApplyAsync(StepContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var layout = InstanceLayout.For(context.Instance, options.Value);
        var release = TargetRelease.Of(context);
        var problems = new List<string>();
        if (ReleaseNameRule.Check(release) is { } invalid)
        {
            problems.Add($"release: {invalid}");
        }
        else if (!Directory.Exists(ReleaseFolders.Resolve(options.Value.Paths, release)))
        {
            problems.Add($"the release '{release}' is not on this host (expected the folder {ReleaseFolders.Resolve(options.Value.Paths, release)})");
        }
        else
        {
            var manifestProblems = await ReleaseManifest.ProblemsOfAsync(ReleaseFolders.Resolve(options.Value.Paths, release), options.Value.InstanceConfig.FileName,
                context.CancellationToken);
            problems.AddRange(manifestProblems.Select(p => $"the release '{release}': {p}"));
        }

        if (layout.LiveTree() is null || !ReleasesFolderResource.CarriesTag(layout))
        {
            problems.Add($"the webroot {layout.Webroot} is not a link into the instance's releases folder {layout.ReleasesFolder}; deploy the instance with this worker version first");
        }

        if (!File.Exists(layout.SecretsFile))
        {
            problems.Add($"the secrets file {layout.SecretsFile} is missing, so the instance's config file cannot be rendered");
        }

        if (problems.Count > 0)
        {
            throw new PreflightException(layout.Name, problems);
        }
    }

    public Task<bool> VerifyAsync(StepContext context) => Task.FromResult(true);

    public Task RollbackAsync(ResourceId resource, StepContext context) => Task.CompletedTask;
}
