namespace CentralDispatch.Worker.Machine.Processes;

/// <summary>One run of an external program: the program and its arguments, never a shell string.</summary>
public sealed record ProcessRequest(string FileName, IReadOnlyList<string> Arguments)
{
    /// <summary>Text written to the program's standard input, then closed. At most one of the three standard input kinds may be given.</summary>
    public string? StandardInput { get; init; }

    /// <summary>A file streamed to the program's standard input (large inputs such as a database dump).</summary>
    public string? StandardInputFile { get; init; }

    /// <summary>
    /// Writes the program's standard input (e.g. a file passed through a filter); closed when it returns. If it throws, the
    /// program is killed, so that it never acts on a cut-off input as if it were whole.
    /// </summary>
    public Func<Stream, CancellationToken, Task>? StandardInputSource { get; init; }

    /// <summary>Variables added to (or, with a null value, removed from) the inherited environment.</summary>
    public IReadOnlyDictionary<string, string?>? Environment { get; init; }

    public string? WorkingDirectory { get; init; }

    /// <summary>After this the process tree is killed and <see cref="ProcessTimeoutException"/> is thrown; null waits forever.</summary>
    public TimeSpan? Timeout { get; init; }

    public static ProcessRequest Of(string fileName, params string[] arguments) => new(fileName, arguments);

    /// <summary>The command as an operator would type it, for messages and logs (arguments with spaces quoted).</summary>
    public string Display() => CommandLine.Format(FileName, Arguments);
}
