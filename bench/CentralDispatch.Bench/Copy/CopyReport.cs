using System.Globalization;
using System.Text;
using CentralDispatch.Bench.Harness;

namespace CentralDispatch.Bench.Copy;

/// <summary>The copy section of docs/BENCHMARKS.md.</summary>
public static class CopyReport
{
    public static string Format(CopyBenchOptions options, SampleTree tree, IReadOnlyList<CopyTiming> copier, IReadOnlyList<CopyTiming> cp)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(tree);
        ArgumentNullException.ThrowIfNull(cp);
        var culture = CultureInfo.InvariantCulture;
        var megabytes = tree.Bytes / (1024.0 * 1024.0);
        var wallBaseline = Percentiles.Median(cp.Select(t => t.WallMs));
        var cpuBaseline = Percentiles.Median(cp.Select(t => t.CpuMs));
        var text = new StringBuilder();
        text.AppendLine(culture, $"## Webroot copy: {tree.Files:N0}-file tree, TreeCopier against `cp -a`");
        text.AppendLine();
        text.AppendLine(culture, $"A generated release tree: {tree.Files:N0} files ({megabytes:F0} MiB, mostly under 4 KiB with a tail up to 1 MiB), {tree.Folders} folders");
        text.AppendLine(culture, $"nested up to six deep, {tree.Links} relative links. The Webroot step's `TreeCopier` and `cp -a` (the baseline, same run) each copy");
        text.AppendLine(culture, $"it {options.Repetitions} times within the same file system, alternating which goes first, after one untimed copy each; every copy is");
        text.AppendLine("deleted and the file system synced (`sync -f`) before the next is timed. CPU time is user + system time from");
        text.AppendLine("`getrusage` (the bench process for `TreeCopier`, the child for `cp -a`): on a busy shared machine it is the steadier figure.");
        text.AppendLine();
        text.AppendLine("| copier | wall median ms | wall min–max ms | MiB/s | files/s | CPU median ms | wall ÷ `cp -a` | CPU ÷ `cp -a` |");
        text.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|");
        Row(text, "`TreeCopier` (Webroot step)", copier, megabytes, tree.Files, wallBaseline, cpuBaseline);
        Row(text, "`cp -a` (baseline)", cp, megabytes, tree.Files, wallBaseline, cpuBaseline);
        return text.ToString();
    }

    private static void Row(StringBuilder text, string label, IReadOnlyList<CopyTiming> times, double megabytes, int files, double wallBaseline, double cpuBaseline)
    {
        var wall = Percentiles.Median(times.Select(t => t.WallMs));
        var cpu = Percentiles.Median(times.Select(t => t.CpuMs));
        text.AppendLine(CultureInfo.InvariantCulture,
            $"| {label} | {wall:F0} | {times.Min(t => t.WallMs):F0}–{times.Max(t => t.WallMs):F0} | {megabytes / (wall / 1000):F0} | {files / (wall / 1000):F0} | {cpu:F0} | {wall / wallBaseline:F2}× | {cpu / cpuBaseline:F2}× |");
    }
}
