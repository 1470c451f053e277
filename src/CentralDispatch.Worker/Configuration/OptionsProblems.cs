namespace CentralDispatch.Worker.Configuration;

/// <summary>Collects validation failures, each starting with the configuration key it is about.</summary>
internal sealed class OptionsProblems
{
    private readonly List<string> _problems = [];

    public IReadOnlyList<string> All => _problems;

    public void Add(string key, string problem) => _problems.Add($"{WorkerOptions.SectionName}:{key} {problem}");

    /// <summary>Adds <paramref name="problem"/> when there is one.</summary>
    public void Check(string key, string? problem)
    {
        if (problem is not null)
        {
            Add(key, problem);
        }
    }

    public void Require(string key, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            Add(key, "is required");
        }
    }

    public void AbsolutePath(string key, string? value)
    {
        if (string.IsNullOrWhiteSpace(value) || !Path.IsPathFullyQualified(value))
        {
            Add(key, $"must be an absolute path (got '{value}')");
        }
        else if (value.Any(char.IsControl))
        {
            Add(key, "must not contain control characters");
        }
    }

    public void Port(string key, int value)
    {
        if (value is < 1 or > 65535)
        {
            Add(key, $"must be a port between 1 and 65535 (got {value})");
        }
    }

    public void Command(string key, string[]? value)
    {
        if (value is null || value.Length == 0 || string.IsNullOrWhiteSpace(value[0]))
        {
            Add(key, "must be a program followed by its arguments, e.g. [\"apache2ctl\", \"configtest\"]");
        }
        else if (value.Length == 1 && value[0].Contains(' ', StringComparison.Ordinal))
        {
            Add(key, $"must list the program and each argument separately, not one shell string (got \"{value[0]}\")");
        }
    }
}
