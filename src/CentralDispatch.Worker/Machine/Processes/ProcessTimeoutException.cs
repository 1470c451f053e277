namespace CentralDispatch.Worker.Machine.Processes;

/// <summary>A program ran longer than its timeout and was killed (with everything it started).</summary>
public sealed class ProcessTimeoutException : TimeoutException
{
    public ProcessTimeoutException(string command, TimeSpan timeout, string standardError)
        : base($"'{command}' did not finish within {timeout.TotalSeconds:0.###} s and was killed" +
               (string.IsNullOrWhiteSpace(standardError) ? "." : ": " + ProcessFailedException.Bound(standardError)))
    {
        Command = command;
        Timeout = timeout;
    }

    public string Command { get; }

    public TimeSpan Timeout { get; }
}
