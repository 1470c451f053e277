using System.CommandLine;
using CentralDispatch.Cli.Commands.Api;
using CentralDispatch.Core.Contracts.Instances;
using CentralDispatch.Core.Domain.Actions;

namespace CentralDispatch.Cli.Commands.Instances;

/// <summary>`dispatch instance redeploy`: one instance (`NAME [--release R]`), or a batch (`--release R --all | --worker W | NAME NAME…`).</summary>
public static class RedeployCommand
{
    public static Command Build(RedeployAction action)
    {
        ArgumentNullException.ThrowIfNull(action);
        var names = new Argument<string[]>("NAME") { Description = "The instance(s) to redeploy.", Arity = ArgumentArity.ZeroOrMore };
        var release = new Option<string?>("--release") { Description = "The release to ship (one instance: default its current release; a batch: required).", HelpName = "RELEASE" };
        var all = new Option<bool>("--all") { Description = "Every Active instance." };
        var worker = new Option<string?>("--worker") { Description = "Every Active instance on this worker.", HelpName = "WORKER" };
        var wait = ActionOptions.Wait();
        var command = new Command(action.Slug, action.Texts.Help)
        {
            names, release, all, worker, wait,
        };
        return ApiOptions.Attach(command, async (result, session) =>
        {
            var given = result.GetValue(names) ?? [];
            var selectAll = result.GetValue(all);
            var onWorker = result.GetValue(worker);
            var selectors = (selectAll ? 1 : 0) + (onWorker is not null ? 1 : 0) + (given.Length > 0 ? 1 : 0);
            if (selectors != 1)
            {
                throw new CliException("NAME: give one instance NAME, several NAMEs, --all or --worker W (exactly one of these).");
            }

            var version = result.GetValue(release);
            if (given.Length == 1)
            {
                return await InstanceActionCommand.QueueAsync(session, given[0], action, new InstanceActionRequest(Release: version), result.GetValue(wait));
            }

            if (string.IsNullOrWhiteSpace(version))
            {
                throw new CliException("--release: a batch redeploy needs the release to ship, e.g. --release 2024-06.");
            }

            var batch = new BulkRedeploy(session, action, version);
            var targets = selectAll || onWorker is not null ? await batch.ActiveInstancesAsync(onWorker) : given.Select(n => new BulkTarget(n, null)).ToList();
            return await batch.RunAsync(targets, result.GetValue(wait));
        });
    }
}
