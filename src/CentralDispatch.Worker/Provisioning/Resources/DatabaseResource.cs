using CentralDispatch.Worker.Configuration;
using CentralDispatch.Worker.Machine.MariaDb;
using CentralDispatch.Worker.Provisioning.Ownership;
using Microsoft.Extensions.Options;

namespace CentralDispatch.Worker.Provisioning.Resources;

/// <summary>
/// The instance's database, its schema comment the ownership tag, with everything on it (and nothing else) granted to
/// the instance's user.
/// </summary>
public sealed class DatabaseResource(IOptions<WorkerOptions> options, MariaDbAdmin database) : HostResource(options)
{
    public override string Kind => ResourceKinds.Database;

    protected override string Noun => "the database";

    public override IReadOnlyList<ResourceId> OfInstance(StepContext context) => [new(Kind, Layout(context).Database)];

    public override Task<bool> ExistsAsync(ResourceId resource, StepContext context)
    {
        ArgumentNullException.ThrowIfNull(resource);
        ArgumentNullException.ThrowIfNull(context);
        return database.DatabaseExistsAsync(resource.Identifier, context.CancellationToken);
    }

    public override async Task<Finding> FindAsync(ResourceId resource, StepContext context)
    {
        ArgumentNullException.ThrowIfNull(resource);
        ArgumentNullException.ThrowIfNull(context);
        var tag = OwnershipTag.Of(context.Instance.Name);
        var comment = await database.DatabaseCommentAsync(resource.Identifier, context.CancellationToken);
        return Finding.Of(resource, comment is not null, comment == tag, $"its schema comment is '{comment}', not '{tag}'");
    }

    protected override Task CreateAsync(ResourceId resource, StepContext context) =>
        database.CreateDatabaseAsync(resource.Identifier, OwnershipTag.Of(context.Instance.Name), context.CancellationToken);

    protected override Task CompleteAsync(ResourceId resource, StepContext context, ResourceAcquisition acquisition)
    {
        ArgumentNullException.ThrowIfNull(resource);
        return database.GrantAllOnDatabaseAsync(resource.Identifier, Layout(context).DatabaseUser, context.CancellationToken);
    }

    public override Task RemoveAsync(ResourceId resource, StepContext context)
    {
        ArgumentNullException.ThrowIfNull(resource);
        ArgumentNullException.ThrowIfNull(context);
        return database.DropDatabaseIfExistsAsync(resource.Identifier, context.CancellationToken);
    }
}
