using System.Globalization;

namespace CentralDispatch.Bench.Harness;

/// <summary>The benchmark's command line: `bench NAME [--option value]… [--write FILE]`.</summary>
public sealed class BenchArguments(string[] args)
{
    public string? Name => args.FirstOrDefault();

    public string? Write => Option("--write");

    public string? Option(string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }

    public int Int(string name, int fallback) => Option(name) is { } value ? int.Parse(value, CultureInfo.InvariantCulture) : fallback;
}
