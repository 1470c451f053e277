using System.Text;

namespace CentralDispatch.Bench;

/// <summary>Replaces one benchmark's section of the benchmarks document, between its begin/end markers.</summary>
public static class BenchmarkReport
{
    public static async Task WriteSectionAsync(string path, string section, string content, CancellationToken cancellationToken)
    {
        var begin = $"<!-- bench:{section}:begin -->";
        var end = $"<!-- bench:{section}:end -->";
        var text = File.Exists(path) ? await File.ReadAllTextAsync(path, cancellationToken) : "# Benchmarks\n";
        var block = new StringBuilder().AppendLine(begin).AppendLine(content.TrimEnd()).Append(end).ToString();
        var start = text.IndexOf(begin, StringComparison.Ordinal);
        var stop = text.IndexOf(end, StringComparison.Ordinal);
        text = start >= 0 && stop > start
            ? text[..start] + block + text[(stop + end.Length)..]
            : text.TrimEnd() + "\n\n" + block + "\n";
        await File.WriteAllTextAsync(path, text, cancellationToken);
    }
}
