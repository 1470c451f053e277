using System.Globalization;

namespace CentralDispatch.EndToEnd.Tests.Infrastructure;

/// <summary>
/// Apache and MariaDB processes started for a sandbox under one folder. A worker that was killed leaves them running
/// (a restarted worker stops them itself); at the end of a test class none may survive.
/// </summary>
public static class StrayServers
{
    private static readonly string[] ServerPrograms = ["apache2", "mariadbd"];

    /// <summary>Ids of the live apache2 / mariadbd processes whose command line names a path under <paramref name="folder"/>.</summary>
    public static IReadOnlyList<int> Under(string folder)
    {
        var prefix = Path.GetFullPath(folder).TrimEnd('/') + "/";
        var found = new List<int>();
        foreach (var entry in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(entry), NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
            {
                continue;
            }

            try
            {
                var command = File.ReadAllText(Path.Combine(entry, "comm")).Trim();
                var arguments = File.ReadAllText(Path.Combine(entry, "cmdline")).Split('\0');
                if (ServerPrograms.Contains(command) && arguments.Any(a => a.Contains(prefix, StringComparison.Ordinal)))
                {
                    found.Add(pid);
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // The process ended while it was read.
            }
        }

        return found;
    }

    /// <summary>SIGTERM to each (their clean shutdown), then SIGKILL to whatever is left after a grace period.</summary>
    public static async Task StopAllUnderAsync(string folder)
    {
        var pids = Under(folder);
        if (pids.Count == 0)
        {
            return;
        }

        Signal("-TERM", pids);
        for (var i = 0; i < 300 && Under(folder).Count > 0; i++)
        {
            await Task.Delay(100);
        }

        Signal("-KILL", Under(folder));
    }

    private static void Signal(string signal, IReadOnlyList<int> pids)
    {
        if (pids.Count == 0)
        {
            return;
        }

        using var kill = System.Diagnostics.Process.Start("kill", [signal, .. pids.Select(p => p.ToString(CultureInfo.InvariantCulture))]);
        kill.WaitForExit();
    }
}
