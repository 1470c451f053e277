using CentralDispatch.Worker.Configuration;
using CentralDispatch.Worker.Machine.MariaDb;
using Microsoft.Extensions.Options;

namespace CentralDispatch.Worker.Provisioning.Deploy;

/// <summary>
/// Step 1: generates the database password into the root-only secrets file, then creates the database user with it.
/// Rollback drops the user and removes the secrets file (only those this job created).
/// </summary>
public sealed class DatabaseUserStep(IOptions<WorkerOptions> options, MariaDbAdmin database) : IProvisioningStep
{
    public string Name => DeployStepNames.DatabaseUser;

    public async Task ApplyAsync(StepContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var layout = InstanceLayout.For(context.Instance, options.Value);
        var token = context.CancellationToken;
        // The password is written before the user exists, so a resumed job logs the user in with the same one.
        await context.CreateOrAdoptAsync(layout.SecretsResource,
            _ => Task.FromResult(File.Exists(layout.SecretsFile)),
            ct => new InstanceSecrets(DatabasePassword.Generate(), context.Instance.Name).WriteAsync(layout.SecretsFile, ct));
        var secrets = await InstanceSecrets.ReadAsync(layout.SecretsFile, token)
                      ?? throw new InvalidOperationException($"The secrets file {layout.SecretsFile} vanished.");
        var acquisition = await context.CreateOrAdoptAsync(layout.DatabaseUserResource,
            ct => database.UserExistsAsync(layout.DatabaseUser, ct),
            ct => database.CreateUserAsync(layout.DatabaseUser, secrets.DatabasePassword, ct));
        if (acquisition == ResourceAcquisition.Adopted)
        {
            await database.SetPasswordAsync(layout.DatabaseUser, secrets.DatabasePassword, token);
        }
    }

    public async Task<bool> VerifyAsync(StepContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var layout = InstanceLayout.For(context.Instance, options.Value);
        return File.Exists(layout.SecretsFile) && await database.UserExistsAsync(layout.DatabaseUser, context.CancellationToken);
    }

    public async Task RollbackAsync(ResourceId resource, StepContext context)
    {
        ArgumentNullException.ThrowIfNull(resource);
        ArgumentNullException.ThrowIfNull(context);
        switch (resource.Kind)
        {
            case ResourceKinds.DatabaseUser:
                await database.DropUserIfExistsAsync(resource.Identifier, context.CancellationToken);
                break;
            case ResourceKinds.File:
                File.Delete(resource.Identifier);
                break;
            default:
                throw new InvalidOperationException($"{Name} does not create {resource}.");
        }
    }
}
