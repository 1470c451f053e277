using CentralDispatch.Core.Contracts.Agent;
using CentralDispatch.Core.Domain;

namespace CentralDispatch.Worker.Provisioning;

/// <summary>The job a plan runs for: its id and attempt (from the lease), its kind and the instance it works on.</summary>
public sealed record ProvisioningJob(long JobId, int Attempt, JobKind Kind, InstancePayload Instance, JobPayloadParameters? Parameters = null)
{
    public static ProvisioningJob From(JobAssignment assignment)
    {
        ArgumentNullException.ThrowIfNull(assignment);
        return new ProvisioningJob(assignment.JobId, assignment.Attempt, assignment.Kind, assignment.Instance, assignment.Parameters);
    }
}
