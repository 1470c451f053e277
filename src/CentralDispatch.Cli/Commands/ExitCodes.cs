namespace CentralDispatch.Cli.Commands;

/// <summary>The exit codes of `dispatch`, so scripts can tell a refused request from an unreachable dispatcher or a failed job.</summary>
public static class ExitCodes
{
    public const int Success = 0;

    /// <summary>The request was refused (4xx: bad input, state does not allow it, not found) or the command could not do what was asked.</summary>
    public const int Refused = 1;

    /// <summary>The dispatcher could not be reached (or answered 502/503/504), or no URL/token is configured.</summary>
    public const int Unavailable = 2;

    /// <summary>A job followed with --wait ended in any state but Succeeded (Failed, RolledBack, NeedsAttention, Cancelled).</summary>
    public const int JobFailed = 3;

    /// <summary>Interrupted (Ctrl-C) while following a job; the job itself goes on.</summary>
    public const int Interrupted = 130;

    public const string Summary =
        "Exit codes: 0 success; 1 refused request or bad input; 2 dispatcher unreachable or no credentials (run `dispatch login`); "
        + "3 a job followed with --wait did not succeed; 130 interrupted.";
}
