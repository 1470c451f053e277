using System.CommandLine;
using CentralDispatch.Cli.Commands.Api;
using CentralDispatch.Cli.Commands.Jobs;
using CentralDispatch.Cli.Commands.Workers;
using CentralDispatch.Core.Contracts.Instances;
using CentralDispatch.Core.Contracts.Jobs;
using CentralDispatch.Core.Domain;

namespace CentralDispatch.Cli.Commands.Instances;

/// <summary>
/// `dispatch instance deploy|retry|suspend|resume|decommission|backout|rotate-certificate NAME`: queues the job the action
/// stands for (the dispatcher refuses it with the reason when the instance's state does not allow it); --wait follows it.
/// </summary>
public static class InstanceActionCommand
{
    /// <param name="action">The action; its slug is the command name.</param>
    /// <param name="description">The one-line help.</param>
    /// <param name="confirm">For destructive actions: the question asked on a terminal (unless --yes), with {0} for the instance.</param>
    public static Command Build(InstanceAction action, string description, string? confirm = null)
    {
        var name = InstanceReadCommands.NameArgument();
        var wait = ActionOptions.Wait();
        var yes = ActionOptions.Yes();
        var tls = action == InstanceAction.RotateCertificate ? new CertificateOptions(required: true) : null;
        var command = new Command(action.Slug(), description) { name, wait };
        if (confirm is not null)
        {
            command.Options.Add(yes);
        }

        if (tls is not null)
        {
            command.Options.Add(tls.Certificate);
            command.Options.Add(tls.Key);
            command.Options.Add(tls.Chain);
        }

        return ApiOptions.Attach(command, async (result, session) =>
        {
            var instance = result.GetValue(name)!;
            InstanceActionRequest? body = null;
            if (tls is not null)
            {
                var pem = await tls.ReadAsync(result, session.CancellationToken);
                body = new InstanceActionRequest(CertificatePem: pem.CertificatePem, KeyPem: pem.KeyPem, ChainPem: pem.ChainPem);
            }

            if (confirm is not null)
            {
                await Confirmation.EnsureAsync(session, result.GetValue(yes), string.Format(System.Globalization.CultureInfo.InvariantCulture, confirm, instance));
            }

            return await QueueAsync(session, instance, action, body, result.GetValue(wait));
        });
    }

    /// <summary>Queues the action's job; prints it (or follows it with --wait) and returns the exit code.</summary>
    public static async Task<int> QueueAsync(ApiSession session, string instance, InstanceAction action, InstanceActionRequest? body, bool wait)
    {
        ArgumentNullException.ThrowIfNull(session);
        var job = await session.Api.PostAsync<JobSummary>($"api/v1/instances/{WorkerAdminCommands.Segment(instance)}/{action.Slug()}", body, session.CancellationToken);
        if (wait)
        {
            return await JobCommands.FollowAndReportAsync(session, job.Value.Id, printJson: true);
        }

        await session.Console.ShowAsync(job, v => $"Queued job {v.Id}: {v.Kind} of {v.Instance}. Follow it with `dispatch job show {v.Id} --wait`.");

        return ExitCodes.Success;
    }
}
