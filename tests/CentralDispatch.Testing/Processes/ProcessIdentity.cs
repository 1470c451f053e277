using System.Globalization;

namespace CentralDispatch.Testing.Processes;

/// <summary>
/// A process id together with its start time (clock ticks since boot, from /proc/PID/stat), so a recorded
/// owner is not mistaken for an unrelated process that got the same id later.
/// </summary>
public readonly record struct ProcessIdentity(int Pid, long StartTicks)
{
    public static ProcessIdentity Current() =>
        Of(Environment.ProcessId) ?? throw new InvalidOperationException("/proc/self/stat is not readable; these helpers need Linux.");

    /// <summary>The identity of a live (not zombie) process, or null when there is none with that id.</summary>
    public static ProcessIdentity? Of(int pid)
    {
        string stat;
        try
        {
            stat = File.ReadAllText($"/proc/{pid}/stat");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }

        // The command name (field 2) is in parentheses and may itself contain spaces or ')'.
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        if (fields.Length < 20 || fields[0] == "Z" || fields[0] == "X")
        {
            return null;
        }

        return new ProcessIdentity(pid, long.Parse(fields[19], CultureInfo.InvariantCulture));
    }

    public static bool TryParse(string? text, out ProcessIdentity identity)
    {
        identity = default;
        var parts = (text ?? "").Trim().Split(' ');
        if (parts.Length != 2
            || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var pid)
            || !long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks))
        {
            return false;
        }

        identity = new ProcessIdentity(pid, ticks);
        return true;
    }

    public bool IsRunning() => Of(Pid) is { } live && live.StartTicks == StartTicks;

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Pid} {StartTicks}");
}
