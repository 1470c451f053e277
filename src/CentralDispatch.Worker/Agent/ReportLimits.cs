using CentralDispatch.Core.Contracts.Agent;

namespace CentralDispatch.Worker.Agent;

/// <summary>
/// Cuts reports to the sizes the dispatcher accepts (a failing program's stderr can be long), so a long message
/// never turns a job's completion into a refused request.
/// </summary>
internal static class ReportLimits
{
    public const int MaxMessageLength = 8000;
    public const int MaxLeftovers = 200;
    public const int MaxLeftoverLength = 1000;
    public const int MaxEventsPerBatch = 500;

    public static StepEventReport Event(StepEventReport report) =>
        report.Message is { Length: > MaxMessageLength } ? report with { Message = Cut(report.Message, MaxMessageLength) } : report;

    public static JobErrorReport Error(JobErrorReport error)
    {
        var leftovers = error.Leftovers?.Select(l => Cut(l, MaxLeftoverLength)).ToList();
        if (leftovers is { Count: > MaxLeftovers })
        {
            var more = leftovers.Count - MaxLeftovers + 1;
            leftovers = [.. leftovers.Take(MaxLeftovers - 1), $"… and {more} more (see the worker's journal)"];
        }

        return error with { Message = error.Message is null ? null : Cut(error.Message, MaxMessageLength), Leftovers = leftovers };
    }

    private static string Cut(string text, int max) => text.Length <= max ? text : string.Concat(text.AsSpan(0, max - 1), "…");
}
