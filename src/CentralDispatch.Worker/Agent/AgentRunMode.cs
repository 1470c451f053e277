namespace CentralDispatch.Worker.Agent;

/// <summary>How `dispatch worker run` runs the agent.</summary>
public enum AgentRunMode
{
    /// <summary>Until the host stops: long-poll for work, back off while the dispatcher is unreachable.</summary>
    Daemon,

    /// <summary>From cron: run what is queued now (up to the concurrency), then exit.</summary>
    Once,
}
