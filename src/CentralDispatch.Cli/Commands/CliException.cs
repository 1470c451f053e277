namespace CentralDispatch.Cli.Commands;

/// <summary>A command cannot do what was asked; the message is the one line the user sees, the exit code one of <see cref="ExitCodes"/>.</summary>
public class CliException(string message, int exitCode = ExitCodes.Refused) : Exception(message)
{
    public int ExitCode { get; } = exitCode;
}
