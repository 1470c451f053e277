using System.CommandLine;
using CentralDispatch.Worker.Configuration;

namespace CentralDispatch.Cli.Commands.Workers;

/// <summary>--config of the worker commands that read the worker's file (check, run).</summary>
public static class WorkerConfigOption
{
    public const string EnvironmentVariable = "CD_WORKER_CONFIG";

    public static Option<string> Create() => new("--config")
    {
        Description = $"The worker's config file (default: ${EnvironmentVariable}, else {WorkerProfiles.DebianConfigFile}; a sandbox's is DATA/worker.json).",
        HelpName = "FILE",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } path ? path : WorkerProfiles.DebianConfigFile,
    };
}
