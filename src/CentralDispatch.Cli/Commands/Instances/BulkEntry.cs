using CentralDispatch.Core.Contracts.Jobs;

namespace CentralDispatch.Cli.Commands.Instances;

/// <summary>One instance of a batch: its queued job (and, with --wait, the job as it finished), or why it was skipped.</summary>
public sealed class BulkEntry(string instance)
{
    public string Instance { get; } = instance;

    public long? JobId { get; set; }

    public string? Skipped { get; set; }

    public JobResponse? Job { get; set; }
}
