using CentralDispatch.Core.Domain;
using CentralDispatch.Dispatcher.Application;
using CentralDispatch.Dispatcher.Store;
using Microsoft.EntityFrameworkCore;

namespace CentralDispatch.Dispatcher.Web.Live;

/// <summary>Reads a job of a named instance with its step events, for the live view.</summary>
public sealed class JobSnapshotReader(DispatchDbContext db)
{
    /// <returns>The snapshot; null when the job is not the instance's, or the stream is being cancelled.</returns>
    public async Task<JobSnapshot?> ReadAsync(string instance, long jobId, CancellationToken cancellationToken)
    {
        try
        {
            var job = await (from j in db.Jobs.AsNoTracking()
                             join i in db.Instances.AsNoTracking() on j.InstanceId equals i.Id
                             where j.Id == jobId && i.Name == instance
                             select new { j.Id, j.Kind, j.State, j.Attempt, j.CancelRequested, InstanceState = i.State })
                .SingleOrDefaultAsync(cancellationToken);
            if (job is null)
            {
                return null;
            }

            var events = await db.StepEvents.AsNoTracking().Where(e => e.JobId == jobId).OrderBy(e => e.Id).ToListAsync(cancellationToken);
            var live = new LiveJob(job.Id, job.State, job.Attempt, job.CancelRequested, job.InstanceState, job.State.IsFinished());
            return new JobSnapshot(live, job.Kind, events.Select(e => e.Id).ToList(), events.Select(e => e.ToResponse()).ToList());
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return null;
        }
    }
}
