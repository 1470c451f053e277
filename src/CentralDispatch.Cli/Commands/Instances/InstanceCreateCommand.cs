using System.CommandLine;
using CentralDispatch.Cli.Commands.Api;
using CentralDispatch.Core.Contracts.Instances;

namespace CentralDispatch.Cli.Commands.Instances;

/// <summary>`dispatch instance create`: a new instance, Pending with a queued Deploy job; --wait follows the deploy.</summary>
public static class InstanceCreateCommand
{
    public static Command Build()
    {
        var name = InstanceReadCommands.NameArgument();
        var hostname = new Option<string>("--hostname") { Description = "The host name the instance answers on (RFC 1123, lower case).", Required = true, HelpName = "HOST" };
        var aliases = new Option<string[]>("--alias") { Description = "Another host name it answers on; repeat for several.", HelpName = "HOST" };
        var worker = new Option<string?>("--worker") { Description = "The worker to deploy on (default: the least loaded Online worker).", HelpName = "WORKER" };
        var release = new Option<string?>("--release") { Description = "The release to deploy (default: the worker's default release).", HelpName = "RELEASE" };
        var email = new Option<string?>("--backend-email") { Description = "The instance's backend e-mail address.", HelpName = "EMAIL" };
        var tls = new CertificateOptions(required: false);
        var wait = ActionOptions.Wait();
        var command = new Command("create", "Create an instance and queue its deploy; --wait follows the deploy step by step.")
        {
            name, hostname, aliases, worker, release, email, tls.Certificate, tls.Key, tls.Chain, wait,
        };
        return ApiOptions.Attach(command, async (result, session) =>
        {
            var pem = await tls.ReadAsync(result, session.CancellationToken);
            var request = new CreateInstanceRequest(
                result.GetValue(name),
                result.GetValue(hostname),
                result.GetValue(aliases) is { Length: > 0 } given ? [.. given] : null,
                result.GetValue(worker),
                result.GetValue(release),
                result.GetValue(email),
                pem.CertificatePem,
                pem.KeyPem,
                pem.ChainPem);
            var created = await session.Api.PostAsync<InstanceResponse>("api/v1/instances", request, session.CancellationToken);
            return await QueuedInstance.ReportAsync(session, created, result.GetValue(wait), "Created");
        });
    }
}
