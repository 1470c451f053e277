namespace CentralDispatch.Worker.Agent;

/// <summary>Process exit codes of `dispatch worker run`.</summary>
public static class AgentExitCodes
{
    /// <summary>Ran what there was (whatever the jobs' outcomes), or stopped cleanly.</summary>
    public const int Success = 0;

    /// <summary>The dispatcher could not be reached, or a result could not be reported.</summary>
    public const int Unreachable = 2;

    /// <summary>The dispatcher refused the worker (token or URL wrong): retrying will not help.</summary>
    public const int Refused = 3;
}
