using CentralDispatch.Worker.Configuration;
using CentralDispatch.Worker.Machine.MariaDb;
using CentralDispatch.Worker.Provisioning.Deploy;
using Microsoft.Extensions.Options;

namespace CentralDispatch.Worker.Provisioning.Resources;

/// <summary>
/// The instance's root-only secrets file (<see cref="InstanceSecrets"/>): its generated database password, written before
/// the database user exists so that a resumed job logs the user in with the same one. Ours when it names the instance.
/// </summary>
public sealed class SecretsFileResource(IOptions<WorkerOptions> options) : PathResource(options)
{
    public override string Kind => ResourceKinds.File;

    protected override string Noun => "the secrets file";

    public override IReadOnlyList<ResourceId> OfInstance(StepContext context) => [new(Kind, Layout(context).SecretsFile)];

    public override async Task<Finding> FindAsync(ResourceId resource, StepContext context)
    {
        ArgumentNullException.ThrowIfNull(resource);
        ArgumentNullException.ThrowIfNull(context);
        var name = context.Instance.Name;
        var ours = await InstanceSecrets.ReadOwnAsync(resource.Identifier, name, context.CancellationToken) is not null;
        return Found(resource, ours, $"it does not name instance {name}");
    }

    protected override Task CreateAsync(ResourceId resource, StepContext context) =>
        new InstanceSecrets(DatabasePassword.Generate(), context.Instance.Name).WriteAsync(resource.Identifier, context.CancellationToken);

    public override Task RemoveAsync(ResourceId resource, StepContext context) => PathEntry.DeleteFileAsync(resource.Identifier);
}
