using CentralDispatch.Core.Contracts.Agent;
using CentralDispatch.Core.Domain.Actions;
using CentralDispatch.Dispatcher.Queue;
using CentralDispatch.Dispatcher.Security;
using Microsoft.Extensions.Options;

namespace CentralDispatch.Dispatcher.Application;

/// <summary>Builds what a worker receives for a claimed job: instance fields and, only here, the decrypted key.</summary>
public sealed class AgentPayloads(TlsKeyProtector keys, IOptions<QueueOptions> options)
{
    public JobAssignment Assignment(ClaimedJob claimed)
    {
        var (job, instance) = claimed;
        var tls = instance.CertificatePem is not null && instance.ProtectedKeyPem is not null
            ? new TlsPayload(instance.CertificatePem, keys.Unprotect(instance.ProtectedKeyPem), instance.ChainPem)
            : null;
        return new JobAssignment(
            job.Id, job.Attempt, job.LeaseToken!.Value, job.LeaseExpiresAt!.Value, options.Value.Lease, job.Kind,
            new InstancePayload(instance.Name, instance.Hostname, instance.Aliases, instance.Release, instance.BackendEmail, tls),
            InstanceActions.ForKind(job.Kind).Payload(job.Parameters, keys.Unprotect));
    }
}
