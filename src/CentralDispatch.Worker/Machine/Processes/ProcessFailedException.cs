namespace CentralDispatch.Worker.Machine.Processes;

/// <summary>A program exited with a non-zero code; the message carries the command, the code and (bounded) stderr.</summary>
public sealed class ProcessFailedException : Exception
{
    /// <summary>Enough stderr to see the cause (Apache and MariaDB put it in the first lines) without flooding an event.</summary>
    public const int MaxErrorLength = 2000;

    public ProcessFailedException(ProcessResult result)
        : base(Describe(result))
    {
        Result = result;
    }

    public ProcessResult Result { get; }

    public int ExitCode => Result.ExitCode;

    /// <summary>Stderr, trimmed and bounded; stdout instead when the program printed its error there.</summary>
    public string ErrorOutput => Bound(string.IsNullOrWhiteSpace(Result.StandardError) ? Result.StandardOutput : Result.StandardError);

    private static string Describe(ProcessResult result)
    {
        var output = Bound(string.IsNullOrWhiteSpace(result.StandardError) ? result.StandardOutput : result.StandardError);
        var detail = output.Length == 0 ? "no output" : output;
        return $"'{result.Command}' exited with code {result.ExitCode}: {detail}";
    }

    internal static string Bound(string text)
    {
        var trimmed = text.Trim();
        return trimmed.Length <= MaxErrorLength ? trimmed : trimmed[..MaxErrorLength] + " …(truncated)";
    }
}
