using CentralDispatch.Core.Domain;
using CentralDispatch.Worker.Provisioning.Deploy;
using CentralDispatch.Worker.Provisioning.Plans;

namespace CentralDispatch.Worker.Provisioning.Removal;

/// <summary>
/// Back-out without a journal: adopts, per Deploy step that makes something, what carries the instance's tag, and
/// removes it in back-out order (cron line; site link + reload; vhost and logs; certificates; webroot link, trees and
/// releases folder; database; database user and secrets file). Lists the rest. (With a journal, the back-out rolls
/// that journal back with its own plan instead: <see cref="WorkerPlanFactory"/>.)
/// </summary>
public sealed class BackOutPlan(DeployPlan deploy) : IJobPlan
{
    public const string Name = "BackOut";

    public JobKind Kind => JobKind.BackOut;

    public ProvisioningPlan Plan { get; } = new(Name, AdoptStep.For(deploy.ResourceSteps)) { EndsWithRemoval = true };
}
