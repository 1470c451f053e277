using System.CommandLine;
using CentralDispatch.Worker.Composition;
using CentralDispatch.Worker.Configuration;
using CentralDispatch.Worker.Provisioning.Engine;
using Microsoft.Extensions.Options;

namespace CentralDispatch.Cli.Commands.Workers;

/// <summary>`dispatch worker run [--once]`: this host's agent, as a daemon or for one pass (from cron, as in the old procedure).</summary>
public static class WorkerRunCommand
{
    public static Command Build()
    {
        var config = WorkerConfigOption.Create();
        var once = new Option<bool>("--once")
        {
            Description = "Run what is queued for this worker now, then exit (for a root cron entry). Exit 0 when every job was reported, 2 when the dispatcher could not be reached, 3 when it refused the token.",
        };
        var command = new Command("run", "Run this host's worker: claim jobs from the dispatcher and deploy them (SIGTERM finishes the step in flight).")
        {
            config, once,
        };
        command.SetAction((result, cancellationToken) => CliErrors.Guard(async () =>
        {
            var path = result.GetValue(config)!;
            if (!File.Exists(path))
            {
                throw new CliException($"--config: {path} does not exist; write it with `dispatch worker init`.");
            }

            try
            {
                return await WorkerApp.RunAsync(path, result.GetValue(once), cancellationToken);
            }
            catch (OptionsValidationException e)
            {
                throw new CliException($"{path}: {string.Join("; ", e.Failures)}");
            }
            catch (AggregateException e) when (e.InnerExceptions.All(inner => inner is OptionsValidationException))
            {
                throw new CliException($"{path}: {string.Join("; ", FileFailures(e.InnerExceptions.Cast<OptionsValidationException>()))}");
            }
            catch (FaultInjectionException e)
            {
                throw new CliException(e.Message);
            }
        }));
        return command;
    }

    /// <summary>
    /// The agent's options are copied from the worker's, so a bad value fails both; the worker's failures name the keys
    /// in the file, the agent's only repeat them.
    /// </summary>
    private static IEnumerable<string> FileFailures(IEnumerable<OptionsValidationException> failures)
    {
        var all = failures.ToList();
        var worker = all.Where(f => f.OptionsType == typeof(WorkerOptions)).ToList();
        return (worker.Count > 0 ? worker : all).SelectMany(f => f.Failures);
    }
}
