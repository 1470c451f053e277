using CentralDispatch.Worker.Configuration;

namespace CentralDispatch.Worker.Provisioning.Deploy;

/// <summary>
/// A release's own health check, <c>healthCheck</c> in its manifest: each field given overrides the worker's setting
/// (<see cref="HealthCheckOptions"/>) for the deploy or redeploy of that release.
/// </summary>
public sealed record HealthCheckManifest(string? Path = null, string? Statuses = null, string? Text = null, int? PatienceSeconds = null)
{
    /// <summary>What is wrong with the given fields, one message each, named as in the manifest.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        void Check(string field, string? problem)
        {
            if (problem is not null)
            {
                problems.Add($"healthCheck.{field} {problem}");
            }
        }

        if (Path is not null)
        {
            Check("path", HealthCheckRules.PathProblem(Path));
        }

        if (Statuses is not null)
        {
            Check("statuses", HealthCheckRules.StatusesProblem(Statuses));
        }

        if (Text is not null)
        {
            Check("text", HealthCheckRules.TextProblem(Text));
        }

        if (PatienceSeconds is { } seconds)
        {
            Check("patienceSeconds", HealthCheckRules.PatienceProblem(TimeSpan.FromSeconds(seconds)));
        }

        return problems;
    }
}
