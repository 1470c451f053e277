using CentralDispatch.Core.Validation;
using CentralDispatch.Worker.Provisioning.Resources;

namespace CentralDispatch.Worker.Provisioning.Deploy;

/// <summary>
/// Step 0, composed by the plan from the resources its steps declare: refuses to start when the payload is not valid,
/// when a resource says it could not be made (<see cref="HostResource.ProblemsAsync"/>: the release is missing, the
/// certificate does not cover the host name, the cron line would be misread, another site serves the host name), or
/// when anything the plan would create already exists and is not this job's. Every problem is listed at once. Creates
/// nothing, so it has nothing to roll back.
/// </summary>
public sealed class PreflightStep : IProvisioningStep
{
    private readonly IReadOnlyList<HostResource> _resources;

    /// <param name="steps">The plan's steps that make resources; each of their resources is checked, in plan order.</param>
    public PreflightStep(IEnumerable<ResourceStep> steps)
    {
        ArgumentNullException.ThrowIfNull(steps);
        _resources = steps.SelectMany(s => s.Resources).ToList();
    }

    public string Name => DeployStepNames.Preflight;

    public async Task ApplyAsync(StepContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var problems = new List<string>();
        CheckPayload(context, problems);
        foreach (var resource in _resources)
        {
            problems.AddRange(await resource.ProblemsAsync(context));
            foreach (var id in resource.MustBeFree(context))
            {
                if (await resource.ExistsAsync(id, context) && !context.WasCreatedByThisJob(id))
                {
                    problems.Add($"{resource.Describe(id)} already exists and was not created by this deployment; it is left untouched");
                }
            }
        }

        if (problems.Count > 0)
        {
            throw new PreflightException(context.Instance.Name, problems);
        }
    }

    public Task<bool> VerifyAsync(StepContext context) => Task.FromResult(true);

    public Task RollbackAsync(ResourceId resource, StepContext context) => Task.CompletedTask;

    private static void CheckPayload(StepContext context, List<string> problems)
    {
        // The dispatcher validated these; a worker checks again before names reach paths and SQL.
        var instance = context.Instance;
        if (InstanceNameRule.Check(instance.Name) is { } nameProblem)
        {
            problems.Add($"instance name: {nameProblem}");
        }

        foreach (var host in instance.Aliases.Prepend(instance.Hostname))
        {
            if (HostnameRule.Check(host) is { } hostProblem)
            {
                problems.Add($"host name: {hostProblem}");
            }
        }

        if (ReleaseNameRule.Check(instance.Release) is { } releaseProblem)
        {
            problems.Add($"release: {releaseProblem}");
        }

        // It goes into the instance config file and may go into the cron line.
        if (EmailRule.Check(instance.BackendEmail) is { } emailProblem)
        {
            problems.Add($"backend e-mail: {emailProblem}");
        }
    }
}
