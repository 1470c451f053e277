using CentralDispatch.Worker.Machine.Processes;

namespace CentralDispatch.Worker.Machine.MariaDb;

/// <summary>A dump did not load: the mariadb client refused one of its lines (sandbox mode) or the server one of its statements.</summary>
public sealed class DumpLoadException(string database, string user, ProcessFailedException inner)
    : Exception($"The database dump could not be loaded into {database} as its own user {user} (mariadb --sandbox, no LOCAL INFILE: "
                + $"client commands such as \\! and system are refused, and the user may touch no other database); "
                + $"mariadb exited with code {inner.ExitCode}: {Cause(inner)}", inner)
{
    /// <summary>
    /// mariadb prints the failing statement (which may be long, and is the dump's text) before its "ERROR … at line N: …"
    /// line: the error lines say what the operator needs, so they come first.
    /// </summary>
    private static string Cause(ProcessFailedException failure)
    {
        var errors = failure.Result.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(line => line.StartsWith("ERROR", StringComparison.Ordinal))
            .ToList();
        return errors.Count > 0 ? ProcessFailedException.Bound(string.Join(" ", errors)) : failure.ErrorOutput;
    }
}
