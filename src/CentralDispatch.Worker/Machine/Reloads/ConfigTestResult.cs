namespace CentralDispatch.Worker.Machine.Reloads;

/// <summary>Outcome of the web server's config test; <see cref="Output"/> is what it printed (the syntax error, when it failed).</summary>
public sealed record ConfigTestResult(bool Passed, string Output);
