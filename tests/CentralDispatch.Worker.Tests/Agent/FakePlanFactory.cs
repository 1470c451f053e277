using CentralDispatch.Core.Domain;
using CentralDispatch.Worker.Agent;
using CentralDispatch.Worker.Provisioning;
using CentralDispatch.Worker.Provisioning.Plans;

namespace CentralDispatch.Worker.Tests.Agent;

/// <summary>Plans made of fake steps: the test says which steps a job kind runs; BackOut rolls back the latest journal.</summary>
public sealed class FakePlanFactory : IPlanFactory
{
    private IProvisioningStep[] _steps = [];

    public IReadOnlyList<ProvisioningJob> Jobs => _jobs.ToList();

    private readonly System.Collections.Concurrent.ConcurrentQueue<ProvisioningJob> _jobs = new();

    public void Use(params IProvisioningStep[] steps) => _steps = steps;

    public PlanRun Create(ProvisioningJob job)
    {
        ArgumentNullException.ThrowIfNull(job);
        _jobs.Enqueue(job);
        var plan = new ProvisioningPlan(job.Kind.ToString(), _steps);
        return job.Kind == JobKind.BackOut ? PlanRun.RollBackLatestJournal(plan) : PlanRun.Forward(plan);
    }
}
