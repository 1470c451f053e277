using System.Text;
using CentralDispatch.Worker.Provisioning.Journal;

namespace CentralDispatch.Worker.Tests.Provisioning;

/// <summary>Cuts a real journal back to what a crash at a given point would have left on disk.</summary>
public static class CrashedJournal
{
    public static IReadOnlyList<string> Lines(string path) =>
        File.ReadAllText(path).Split('\n', StringSplitOptions.RemoveEmptyEntries);

    public static JournalRecord Parse(string line) => JournalReader.Parse("test", Encoding.UTF8.GetBytes(line + "\n")).Records.Single();

    /// <summary>Keeps the first <paramref name="count"/> lines, then (optionally) the first half of the next one: a torn write.</summary>
    public static void Write(string path, IReadOnlyList<string> lines, int count, bool tornTail)
    {
        var text = new StringBuilder();
        foreach (var line in lines.Take(count))
        {
            text.Append(line).Append('\n');
        }

        if (tornTail && count < lines.Count)
        {
            text.Append(lines[count].AsSpan(0, lines[count].Length / 2));
        }

        File.WriteAllText(path, text.ToString());
    }

    /// <summary>Keeps the lines up to and including the first record that matches.</summary>
    public static void KeepThrough(string path, Func<JournalRecord, bool> last)
    {
        var lines = Lines(path);
        var index = lines.Select(Parse).ToList().FindIndex(r => last(r));
        Assert.True(index >= 0, "the journal has no such record");
        Write(path, lines, index + 1, tornTail: false);
    }
}
