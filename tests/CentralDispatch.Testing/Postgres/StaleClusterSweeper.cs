using System.Diagnostics;
using System.Globalization;
using CentralDispatch.Testing.Processes;

namespace CentralDispatch.Testing.Postgres;

/// <summary>
/// Stops and removes private clusters that test runs left in a cluster root when they died without cleaning up
/// (their owner process no longer runs). Clusters of test runs that are still going are left alone.
/// </summary>
public static class StaleClusterSweeper
{
    public const string OwnerFileName = "owner";

    /// <summary>A folder without an owner file may be one that another run is creating this moment.</summary>
    private static readonly TimeSpan OwnerlessGrace = TimeSpan.FromHours(1);

    /// <returns>How many stale clusters were removed.</returns>
    public static async Task<int> SweepAsync(string clusterRoot, CancellationToken cancellationToken)
    {
        if (!Directory.Exists(clusterRoot))
        {
            return 0;
        }

        var removed = 0;
        foreach (var folder in Directory.GetDirectories(clusterRoot))
        {
            if (!IsStale(folder))
            {
                continue;
            }

            await StopPostmasterAsync(folder, cancellationToken);
            removed += TryDeleteFolder(folder) ? 1 : 0;
        }

        return removed;
    }

    internal static bool TryDeleteFolder(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
            return true;
        }
        catch (DirectoryNotFoundException)
        {
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static bool IsStale(string folder)
    {
        var ownerFile = Path.Combine(folder, OwnerFileName);
        if (File.Exists(ownerFile) && ProcessIdentity.TryParse(File.ReadAllText(ownerFile), out var owner))
        {
            return !owner.IsRunning();
        }

        return Directory.GetLastWriteTimeUtc(folder) < TimeProvider.System.GetUtcNow().UtcDateTime - OwnerlessGrace;
    }

    private static async Task StopPostmasterAsync(string clusterFolder, CancellationToken cancellationToken)
    {
        var dataFolder = Path.Combine(clusterFolder, PostgresCluster.DataFolderName);
        var pid = ReadPostmasterPid(dataFolder);
        if (pid is null)
        {
            return;
        }

        try
        {
            var account = PostgresAccount.ForThisProcess();
            var pgCtl = PostgresInstallation.Find().Program("pg_ctl");
            await account.RunAsync(pgCtl, ["stop", "-D", dataFolder, "-m", "immediate", "-w", "-t", "30"], clusterFolder, cancellationToken);
        }
        catch (InvalidOperationException)
        {
            // No pg_ctl: fall through to the kill below.
        }

        if (ReadPostmasterPid(dataFolder) is { } stillRunning)
        {
            using var process = Process.GetProcessById(stillRunning);
            process.Kill();
        }
    }

    /// <summary>The id of a live postmaster of this data folder, from its postmaster.pid; null when none runs.</summary>
    private static int? ReadPostmasterPid(string dataFolder)
    {
        var pidFile = Path.Combine(dataFolder, "postmaster.pid");
        string? firstLine;
        try
        {
            firstLine = File.ReadLines(pidFile).FirstOrDefault();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }

        if (!int.TryParse(firstLine, NumberStyles.None, CultureInfo.InvariantCulture, out var pid) || ProcessIdentity.Of(pid) is null)
        {
            return null;
        }

        // The id may have been reused by an unrelated process since; only a postgres process is ours to stop.
        string command;
        try
        {
            command = File.ReadAllText($"/proc/{pid}/comm").Trim();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }

        return command == "postgres" ? pid : null;
    }
}
