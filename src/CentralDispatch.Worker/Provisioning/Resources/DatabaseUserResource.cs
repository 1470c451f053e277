using CentralDispatch.Worker.Configuration;
using CentralDispatch.Worker.Machine.MariaDb;
using CentralDispatch.Worker.Provisioning.Deploy;
using Microsoft.Extensions.Options;

namespace CentralDispatch.Worker.Provisioning.Resources;

/// <summary>
/// The instance's database user, with the password of its secrets file (declared after <see cref="SecretsFileResource"/>).
/// MariaDB has no comment on users: the user is ours when that password, generated on this worker, logs it in.
/// </summary>
public sealed class DatabaseUserResource(IOptions<WorkerOptions> options, MariaDbAdmin database) : HostResource(options)
{
    public override string Kind => ResourceKinds.DatabaseUser;

    protected override string Noun => "the database user";

    public override IReadOnlyList<ResourceId> OfInstance(StepContext context) => [new(Kind, Layout(context).DatabaseUser)];

    public override Task<bool> ExistsAsync(ResourceId resource, StepContext context)
    {
        ArgumentNullException.ThrowIfNull(resource);
        ArgumentNullException.ThrowIfNull(context);
        return database.UserExistsAsync(resource.Identifier, context.CancellationToken);
    }

    public override async Task<Finding> FindAsync(ResourceId resource, StepContext context)
    {
        ArgumentNullException.ThrowIfNull(resource);
        ArgumentNullException.ThrowIfNull(context);
        var token = context.CancellationToken;
        var exists = await database.UserExistsAsync(resource.Identifier, token);
        var secrets = exists ? await InstanceSecrets.ReadOwnAsync(Layout(context).SecretsFile, context.Instance.Name, token) : null;
        var ours = secrets is not null && await database.CanLogInAsync(resource.Identifier, secrets.DatabasePassword, token);
        return Finding.Of(resource, exists, ours, "the password in the instance's secrets file does not log it in");
    }

    protected override async Task CreateAsync(ResourceId resource, StepContext context) =>
        await database.CreateUserAsync(resource.Identifier, (await SecretsAsync(context)).DatabasePassword, context.CancellationToken);

    /// <summary>A resumed attempt: the user may have been created with the password before a crash; make sure it has it.</summary>
    protected override async Task CompleteAsync(ResourceId resource, StepContext context, ResourceAcquisition acquisition)
    {
        ArgumentNullException.ThrowIfNull(resource);
        if (acquisition == ResourceAcquisition.Adopted)
        {
            await database.SetPasswordAsync(resource.Identifier, (await SecretsAsync(context)).DatabasePassword, context.CancellationToken);
        }
    }

    public override Task RemoveAsync(ResourceId resource, StepContext context)
    {
        ArgumentNullException.ThrowIfNull(resource);
        ArgumentNullException.ThrowIfNull(context);
        return database.DropUserIfExistsAsync(resource.Identifier, context.CancellationToken);
    }

    private async Task<InstanceSecrets> SecretsAsync(StepContext context)
    {
        var file = Layout(context).SecretsFile;
        return await InstanceSecrets.ReadAsync(file, context.CancellationToken) ?? throw new InvalidOperationException($"The secrets file {file} vanished.");
    }
}
