using CentralDispatch.Worker.Machine.Files;
using CentralDispatch.Worker.Machine.Processes;

namespace CentralDispatch.Worker.Machine.MariaDb;

/// <summary>Runs mariadb or mariadb-dump with its login in a 0600 option file that exists only while the program runs.</summary>
internal static class ClientProgram
{
    public static readonly TimeSpan Timeout = TimeSpan.FromHours(1);

    /// <param name="runner">Starts the program.</param>
    /// <param name="optionFileText">The [client] option file (see <see cref="MariaDbServer.ClientOptionFile(string, string?)"/>).</param>
    /// <param name="request">The program to run, given the option file's path (its first argument must be --defaults-file=PATH).</param>
    /// <param name="cancellationToken">Kills the program.</param>
    public static async Task<ProcessResult> RunAsync(IProcessRunner runner, string optionFileText, Func<string, ProcessRequest> request,
        CancellationToken cancellationToken)
    {
        // 0600 from creation on: the file holds a password (an instance user's, or the admin's of a TCP login).
        var optionFile = Path.Combine(Path.GetTempPath(), $"centraldispatch-client-{Guid.NewGuid():N}.cnf");
        try
        {
            await AtomicFile.WriteTextAsync(optionFile, optionFileText, FileModes.OwnerOnly, cancellationToken);
            return await runner.RunCheckedAsync(request(optionFile) with { Timeout = Timeout }, cancellationToken);
        }
        finally
        {
            File.Delete(optionFile);
        }
    }
}
