using CentralDispatch.Worker.Configuration;
using Microsoft.Extensions.Options;

namespace CentralDispatch.Worker.Agent;

/// <summary>Checks <see cref="AgentOptions"/> at start-up; every message names the configuration key to fix.</summary>
public sealed class AgentOptionsValidator : IValidateOptions<AgentOptions>
{
    public const int MaxConcurrency = 64;

    public ValidateOptionsResult Validate(string? name, AgentOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = new List<string>();
        if (DispatcherUrlRule.Check(options.DispatcherUrl, options.AllowInsecureHttp, Key(nameof(options.AllowInsecureHttp))) is { } urlProblem)
        {
            problems.Add($"{Key(nameof(options.DispatcherUrl))} {urlProblem}.");
        }

        if (string.IsNullOrWhiteSpace(options.Token))
        {
            problems.Add($"{Key(nameof(options.Token))} is required: the enrolment token printed when the worker was registered.");
        }

        if (options.Concurrency is < 1 or > MaxConcurrency)
        {
            problems.Add($"{Key(nameof(options.Concurrency))} must be between 1 and {MaxConcurrency} (got {options.Concurrency}).");
        }

        if (options.BackoffMin <= TimeSpan.Zero)
        {
            problems.Add($"{Key(nameof(options.BackoffMin))} must be positive (got {options.BackoffMin}).");
        }

        if (options.BackoffMax < options.BackoffMin)
        {
            problems.Add($"{Key(nameof(options.BackoffMax))} must be at least {Key(nameof(options.BackoffMin))} (got {options.BackoffMax}).");
        }

        if (options.EventFlushInterval <= TimeSpan.Zero)
        {
            problems.Add($"{Key(nameof(options.EventFlushInterval))} must be positive (got {options.EventFlushInterval}).");
        }

        if (options.EventBufferCapacity < 100)
        {
            problems.Add($"{Key(nameof(options.EventBufferCapacity))} must be at least 100 (got {options.EventBufferCapacity}).");
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }

    private static string Key(string property) => $"{AgentOptions.Section}:{property}";
}
