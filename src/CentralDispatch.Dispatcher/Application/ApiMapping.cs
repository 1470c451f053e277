using CentralDispatch.Core.Contracts.Instances;
using CentralDispatch.Core.Contracts.Jobs;
using CentralDispatch.Core.Contracts.Workers;
using CentralDispatch.Core.Domain;

namespace CentralDispatch.Dispatcher.Application;

/// <summary>Turns store entities into API responses; the single place that decides what the API shows.</summary>
public static class ApiMapping
{
    public static WorkerResponse ToResponse(this Worker worker, int instanceCount) => new(
        worker.Name, worker.HostUrl, worker.InstallPath, worker.Labels, worker.Capacity, worker.State, worker.CreatedAt,
        worker.LastSeenAt, worker.AgentVersion, instanceCount);

    public static WorkerEnrolmentResponse ToEnrolment(this Worker worker, int instanceCount, string token) => new(
        worker.Name, worker.HostUrl, worker.InstallPath, worker.Labels, worker.Capacity, worker.State, worker.CreatedAt,
        worker.LastSeenAt, worker.AgentVersion, instanceCount, token);

    public static InstanceResponse ToResponse(this ManagedInstance instance, string workerName, string installPath, Job? currentJob,
        DateTimeOffset now)
    {
        var derived = instance.Derived;
        var error = instance.LastError;
        return new InstanceResponse(
            instance.Name, instance.Hostname, instance.Aliases, workerName, instance.Release, instance.BackendEmail, instance.State,
            instance.Url, installPath.TrimEnd('/') + "/" + derived.WebrootFolder, derived.Database, derived.DatabaseUser,
            Certificate(instance, now),
            error is null ? null : new InstanceErrorResponse(error.Step, error.Message, error.Leftovers, error.JobId),
            instance.ArchivePath, instance.CreatedAt, instance.UpdatedAt,
            currentJob?.ToSummary(instance.Name));
    }

    public static JobSummary ToSummary(this Job job, string instanceName) => new(
        job.Id, instanceName, job.Kind, job.State, job.Attempt, job.CancelRequested, job.CreatedAt, job.StartedAt, job.FinishedAt, job.Error);

    public static JobResponse ToResponse(this Job job, string instanceName, string workerName, IEnumerable<StepEvent> events) => new(
        job.Id, instanceName, workerName, job.Kind, job.State, job.Attempt, job.CancelRequested, job.CreatedAt, job.StartedAt,
        job.FinishedAt, job.Error, job.RequestedBy, events.Select(ToResponse).ToList());

    public static StepEventResponse ToResponse(this StepEvent e) =>
        new(e.Attempt, e.Step, e.Phase, e.At, e.Duration?.TotalMilliseconds, e.Message);

    private static CertificateSummary? Certificate(ManagedInstance instance, DateTimeOffset now)
    {
        if (instance.CertificatePem is null || instance.CertificateNotAfter is null)
        {
            return null;
        }

        using var certificate = System.Security.Cryptography.X509Certificates.X509Certificate2.CreateFromPem(instance.CertificatePem);
        var daysLeft = (int)Math.Floor((instance.CertificateNotAfter.Value - now).TotalDays);
        return new CertificateSummary(certificate.Subject, instance.CertificateNotAfter.Value, instance.ChainPem is not null, daysLeft);
    }
}
