using System.CommandLine;
using CentralDispatch.Cli.Commands.Api;
using CentralDispatch.Cli.Commands.Workers;
using CentralDispatch.Core.Contracts.Instances;

namespace CentralDispatch.Cli.Commands.Instances;

/// <summary>
/// `dispatch instance restore NAME [--name NEW --hostname HOST --alias HOST… --certificate F --key F --chain F] [--wait]`:
/// brings an Archived instance back from its archive, under its name or as a new instance.
/// </summary>
public static class RestoreCommand
{
    public static Command Build()
    {
        var name = InstanceReadCommands.NameArgument();
        name.Description = "The Archived instance whose archive to restore.";
        var newName = new Option<string?>("--name") { Description = "Restore as a new instance with this name (the archived one stays Archived).", HelpName = "NAME" };
        var hostname = new Option<string?>("--hostname") { Description = "The host name to answer on (default: the archived instance's).", HelpName = "HOST" };
        var aliases = new Option<string[]>("--alias") { Description = "Another host name; repeat for several (default: the archived instance's, if the host name is kept).", HelpName = "HOST" };
        var tls = new CertificateOptions(required: false);
        tls.Certificate.Description = "A certificate to restore with (PEM file; default: the archived instance's, if it covers the host names).";
        var wait = ActionOptions.Wait();
        var command = new Command("restore", "Restore an Archived instance from its archive (webroot and database), under its name or a new one; --wait follows the deploy.")
        {
            name, newName, hostname, aliases, tls.Certificate, tls.Key, tls.Chain, wait,
        };
        return ApiOptions.Attach(command, async (result, session) =>
        {
            var pem = await tls.ReadAsync(result, session.CancellationToken);
            var request = new RestoreInstanceRequest(
                result.GetValue(newName),
                result.GetValue(hostname),
                result.GetValue(aliases) is { Length: > 0 } given ? [.. given] : null,
                pem.CertificatePem,
                pem.KeyPem,
                pem.ChainPem);
            var instance = result.GetValue(name)!;
            var restored = await session.Api.PostAsync<InstanceResponse>($"api/v1/instances/{WorkerAdminCommands.Segment(instance)}/restore", request,
                session.CancellationToken);
            return await QueuedInstance.ReportAsync(session, restored, result.GetValue(wait), $"Restoring {instance} as");
        });
    }
}
