using CentralDispatch.Core.Validation;
using CentralDispatch.Worker.Configuration;
using CentralDispatch.Worker.Provisioning.Deploy;
using CentralDispatch.Worker.Provisioning.Ownership;
using Microsoft.Extensions.Options;

namespace CentralDispatch.Worker.Provisioning.Rotate;

/// <summary>Checks the new certificate as at create time (key matches, covers every host name, valid now) and that the vhost is ours.</summary>
public sealed class RotationPreflightStep(IOptions<WorkerOptions> options, TimeProvider time) : IProvisioningStep
{
    public string Name => DeployStepNames.Preflight;

    public Task ApplyAsync(StepContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var instance = context.Instance;
        var layout = InstanceLayout.For(instance, options.Value);
        var problems = new List<string>();
        var tls = NewCertificate.Of(context);
        var errors = new FieldErrors();
        TlsRule.Validate(tls.CertificatePem, tls.KeyPem, tls.ChainPem, [instance.Hostname, .. instance.Aliases], time.GetUtcNow(), errors);
        problems.AddRange(errors.ToDictionary().SelectMany(kv => kv.Value.Select(m => $"{kv.Key}: {m}")));
        if (!OwnershipTag.FileCarriesTag(layout.VirtualHostFile, layout.Name))
        {
            problems.Add($"the vhost file {layout.VirtualHostFile} is missing or not this system's");
        }

        return problems.Count > 0 ? throw new PreflightException(instance.Name, problems) : Task.CompletedTask;
    }

    public Task<bool> VerifyAsync(StepContext context) => Task.FromResult(true);

    public Task RollbackAsync(ResourceId resource, StepContext context) => Task.CompletedTask;
}
