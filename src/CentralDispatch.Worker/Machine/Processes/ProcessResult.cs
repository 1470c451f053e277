namespace CentralDispatch.Worker.Machine.Processes;

/// <summary>How a program ended: exit code, everything it printed, and how long it took.</summary>
public sealed record ProcessResult(string Command, int ExitCode, string StandardOutput, string StandardError, TimeSpan Duration)
{
    public bool Succeeded => ExitCode == 0;

    /// <summary>Returns this result when the exit code is 0; otherwise throws <see cref="ProcessFailedException"/>.</summary>
    public ProcessResult EnsureSuccess() => Succeeded ? this : throw new ProcessFailedException(this);
}
