namespace CentralDispatch.Worker.Machine.Processes;

/// <summary>Looks at processes the worker did not start itself (a server left running by a killed worker), through /proc.</summary>
public static class ProcessLiveness
{
    /// <summary>True when the process exists and is not a zombie (a zombie has exited; only its parent has not collected it).</summary>
    public static bool IsAlive(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");

            // Format: "pid (comm) state …"; comm may contain spaces and parentheses, so the state follows the last ')'.
            var state = stat[(stat.LastIndexOf(')') + 2)..].FirstOrDefault();
            return state is not ('Z' or 'X' or default(char));
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException or IOException)
        {
            return false;
        }
    }

    /// <summary>The process's arguments (empty when it is gone), to make sure a pid from a pid file is still the server it names.</summary>
    public static IReadOnlyList<string> Arguments(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/cmdline").Split('\0', StringSplitOptions.RemoveEmptyEntries);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException or IOException)
        {
            return [];
        }
    }

    /// <summary>The pid in a pid file, or null when the file is missing or holds no number.</summary>
    public static int? ReadPidFile(string path)
    {
        try
        {
            return int.TryParse(File.ReadAllText(path).Trim(), out var pid) && pid > 0 ? pid : null;
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
    }
}
