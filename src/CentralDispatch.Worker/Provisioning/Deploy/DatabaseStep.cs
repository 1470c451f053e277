using CentralDispatch.Worker.Configuration;
using CentralDispatch.Worker.Host.MariaDb;
using Microsoft.Extensions.Options;

namespace CentralDispatch.Worker.Provisioning.Deploy;

/// <summary>Step 2: creates the instance's database and grants its user everything on that database only.</summary>
public sealed class DatabaseStep(IOptions<WorkerOptions> options, MariaDbAdmin database) : IProvisioningStep
{
    public string Name => DeployStepNames.Database;

    public async Task ApplyAsync(StepContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var layout = InstanceLayout.For(context.Instance, options.Value);
        await context.CreateOrAdoptAsync(layout.DatabaseResource,
            ct => database.DatabaseExistsAsync(layout.Database, ct),
            ct => database.CreateDatabaseAsync(layout.Database, ct));
        await database.GrantAllOnDatabaseAsync(layout.Database, layout.DatabaseUser, context.CancellationToken);
    }

    public Task<bool> VerifyAsync(StepContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return database.DatabaseExistsAsync(InstanceLayout.For(context.Instance, options.Value).Database, context.CancellationToken);
    }

    public async Task RollbackAsync(ResourceId resource, StepContext context)
    {
        ArgumentNullException.ThrowIfNull(resource);
        ArgumentNullException.ThrowIfNull(context);
        if (resource.Kind != ResourceKinds.Database)
        {
            throw new InvalidOperationException($"{Name} does not create {resource}.");
        }

        await database.DropDatabaseIfExistsAsync(resource.Identifier, context.CancellationToken);
    }
}
