namespace CentralDispatch.Testing.Processes;

/// <summary>How a program run by <see cref="CommandRunner"/> ended, with everything it printed.</summary>
public sealed record CommandResult(string Command, int ExitCode, string StandardOutput, string StandardError)
{
    public bool Succeeded => ExitCode == 0;

    /// <summary>Throws with the program's stderr when it failed, so a broken set-up says why.</summary>
    public CommandResult EnsureSuccess() => Succeeded
        ? this
        : throw new InvalidOperationException($"'{Command}' exited with {ExitCode}: {StandardError.Trim()} {StandardOutput.Trim()}".TrimEnd());
}
