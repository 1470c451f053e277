namespace CentralDispatch.Core.Domain;

/// <summary>One step event of a job, as reported by the worker.</summary>
public sealed class StepEvent
{
    private StepEvent()
    {
    }

    public long Id { get; private set; }
    public long JobId { get; private set; }
    public int Attempt { get; private set; }
    public string Step { get; private set; } = "";
    public StepPhase Phase { get; private set; }
    public DateTimeOffset At { get; private set; }
    public TimeSpan? Duration { get; private set; }
    public string? Message { get; private set; }

    public static StepEvent Record(long jobId, int attempt, string step, StepPhase phase, DateTimeOffset at,
        TimeSpan? duration, string? message) => new()
    {
        JobId = jobId,
        Attempt = attempt,
        Step = step,
        Phase = phase,
        At = at,
        Duration = duration,
        Message = message,
    };
}
