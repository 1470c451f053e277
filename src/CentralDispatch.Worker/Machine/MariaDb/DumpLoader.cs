using CentralDispatch.Worker.Machine.Processes;

namespace CentralDispatch.Worker.Machine.MariaDb;

/// <summary>
/// Loads an SQL dump (from a database a tenant's application controlled, so hostile until proven otherwise) into that
/// instance's own database, logged in as the instance's own user: never as the admin. The mariadb client runs in
/// sandbox mode (it refuses \!, system, source, tee and every other client command that touches the host's files) with
/// LOAD DATA LOCAL INFILE off (which sandbox mode allows, and which would read any file of the worker's into the
/// database), and stops at the first error. On the way in, every DEFINER is set to the instance's user (<see cref="DumpDefiners"/>).
/// </summary>
public sealed class DumpLoader(MariaDbServer server, IProcessRunner runner)
{
    /// <summary>The client options of a load; the login comes first, from the 0600 option file.</summary>
    public static readonly IReadOnlyList<string> ClientOptions = ["--sandbox", "--local-infile=0", "--batch"];

    /// <summary>The account a loaded object's DEFINER names: the instance's user, quoted.</summary>
    public static string DefinerOf(string user) => $"{SqlIdentifier.User(user)}@`{MariaDbAdmin.UserHost}`";

    /// <exception cref="DumpLoadException">The client refused a line or the server a statement; the message quotes its error.</exception>
    public async Task<DefinerRewrites> LoadAsync(string database, string user, string password, string dumpFile, CancellationToken cancellationToken)
    {
        SqlIdentifier.Database(database);
        ArgumentException.ThrowIfNullOrEmpty(password);
        var definer = DefinerOf(user);
        var rewrites = DefinerRewrites.None;
        try
        {
            await ClientProgram.RunAsync(runner, server.ClientOptionFile(user, password),
                options => new ProcessRequest("mariadb", [$"--defaults-file={options}", .. ClientOptions, $"--database={database}"])
                {
                    StandardInputSource = async (stdin, token) =>
                    {
                        await using var dump = new FileStream(dumpFile, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true);
                        rewrites = await DumpDefiners.RewriteAsync(dump, stdin, definer, token);
                    },
                },
                cancellationToken);
        }
        catch (ProcessFailedException e)
        {
            throw new DumpLoadException(database, user, e);
        }

        return rewrites;
    }
}
