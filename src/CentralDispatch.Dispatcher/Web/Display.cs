using System.Globalization;
using System.Text;
using CentralDispatch.Core.Domain;

namespace CentralDispatch.Dispatcher.Web;

/// <summary>How the UI writes times, durations and states: one place, so every page says them the same way.</summary>
public static class Display
{
    public const string Missing = "—";

    public static string Duration(double? milliseconds) => milliseconds switch
    {
        null => Missing,
        < 1000 => $"{milliseconds.Value.ToString("0", CultureInfo.InvariantCulture)} ms",
        < 60_000 => $"{(milliseconds.Value / 1000).ToString("0.0", CultureInfo.InvariantCulture)} s",
        _ => $"{(int)(milliseconds.Value / 60_000)} min {(int)(milliseconds.Value % 60_000 / 1000)} s",
    };

    public static string Duration(DateTimeOffset? start, DateTimeOffset? end) =>
        start is null || end is null ? Missing : Duration((end.Value - start.Value).TotalMilliseconds);

    public static string Utc(DateTimeOffset? at) =>
        at is null ? Missing : at.Value.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + " UTC";

    public static string Iso(DateTimeOffset? at) =>
        at is null ? "" : at.Value.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);

    public static string Ago(DateTimeOffset? at, DateTimeOffset now)
    {
        if (at is null)
        {
            return "never";
        }

        var seconds = Math.Max(0, (now - at.Value).TotalSeconds);
        return seconds switch
        {
            < 60 => $"{(int)seconds} s ago",
            < 3600 => $"{(int)(seconds / 60)} min ago",
            < 86400 => $"{(int)(seconds / 3600)} h ago",
            _ => $"{(int)(seconds / 86400)} d ago",
        };
    }

    /// <summary>"0.1.0+205e83f…" → "0.1.0": the build metadata only in the tooltip.</summary>
    public static string ShortVersion(string? version) =>
        version is null ? Missing : version.Split('+', 2)[0];

    /// <summary>"NeedsAttention" → "Needs attention".</summary>
    public static string Words<T>(T value)
        where T : struct, Enum
    {
        var name = value.ToString();
        var text = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            text.Append(i > 0 && char.IsUpper(name[i]) ? " " + char.ToLowerInvariant(name[i]) : name[i]);
        }

        return text.ToString();
    }

    public static string Tone(InstanceState state) => state switch
    {
        InstanceState.Active => "ok",
        InstanceState.Pending or InstanceState.Deploying or InstanceState.Updating or InstanceState.Decommissioning => "busy",
        InstanceState.Suspended => "warn",
        InstanceState.Failed or InstanceState.NeedsAttention => "bad",
        _ => "muted",
    };

    public static string Tone(JobState state) => state switch
    {
        JobState.Succeeded => "ok",
        JobState.Queued or JobState.Running => "busy",
        JobState.Cancelled => "muted",
        _ => "bad",
    };

    public static string Tone(WorkerState state) => state switch
    {
        WorkerState.Online => "ok",
        WorkerState.Enrolled => "busy",
        WorkerState.Draining => "warn",
        _ => "bad",
    };
}
