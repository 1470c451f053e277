using System.CommandLine;
using CentralDispatch.Cli.Commands.Api;
using CentralDispatch.Cli.Commands.Jobs;
using CentralDispatch.Cli.Commands.Workers;
using CentralDispatch.Core.Contracts.Instances;
using CentralDispatch.Core.Contracts.Jobs;
using CentralDispatch.Core.Domain.Actions;

namespace CentralDispatch.Cli.Commands.Instances;

/// <summary>
/// `dispatch instance SLUG NAME` for every lifecycle action (deploy, retry, suspend, resume, rotate-certificate, decommission,
/// backout, …): queues the job the action stands for (the dispatcher refuses it with the reason when the instance's state
/// does not allow it); --wait follows it. Its options follow the action's input; a confirmation asks first on a terminal.
/// </summary>
public static class InstanceActionCommand
{
    public static Command Build(InstanceAction action)
    {
        ArgumentNullException.ThrowIfNull(action);
        var name = InstanceReadCommands.NameArgument();
        var wait = ActionOptions.Wait();
        var yes = ActionOptions.Yes();
        var prompt = action.Texts.Confirmation?.Prompt;
        var tls = action.Input == ActionInput.Certificate ? new CertificateOptions(required: true) : null;
        var release = action.Input == ActionInput.Release ? ActionOptions.Release() : null;
        var command = new Command(action.Slug, action.Texts.Help) { name, wait };
        if (prompt is not null)
        {
            command.Options.Add(yes);
        }

        if (tls is not null)
        {
            command.Options.Add(tls.Certificate);
            command.Options.Add(tls.Key);
            command.Options.Add(tls.Chain);
        }

        if (release is not null)
        {
            command.Options.Add(release);
        }

        return ApiOptions.Attach(command, async (result, session) =>
        {
            var instance = result.GetValue(name)!;
            InstanceActionRequest? body = release is null ? null : new InstanceActionRequest(Release: result.GetValue(release));
            if (tls is not null)
            {
                var pem = await tls.ReadAsync(result, session.CancellationToken);
                body = new InstanceActionRequest(CertificatePem: pem.CertificatePem, KeyPem: pem.KeyPem, ChainPem: pem.ChainPem);
            }

            if (prompt is not null)
            {
                await Confirmation.EnsureAsync(session, result.GetValue(yes), prompt(instance));
            }

            return await QueueAsync(session, instance, action, body, result.GetValue(wait));
        });
    }

    /// <summary>Queues the action's job; prints it (or follows it with --wait) and returns the exit code.</summary>
    public static async Task<int> QueueAsync(ApiSession session, string instance, InstanceAction action, InstanceActionRequest? body, bool wait)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(action);
        var job = await session.Api.PostAsync<JobSummary>($"api/v1/instances/{WorkerAdminCommands.Segment(instance)}/{action.Slug}", body, session.CancellationToken);
        if (wait)
        {
            return await JobCommands.FollowAndReportAsync(session, job.Value.Id, printJson: true);
        }

        await session.Console.ShowAsync(job, v => $"Queued job {v.Id}: {v.Kind} of {v.Instance}. Follow it with `dispatch job show {v.Id} --wait`.");

        return ExitCodes.Success;
    }
}
