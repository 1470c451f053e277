using CentralDispatch.Core.Contracts.Jobs;
using CentralDispatch.Dispatcher.Errors;
using CentralDispatch.Dispatcher.Queue;
using CentralDispatch.Dispatcher.Store;
using Microsoft.EntityFrameworkCore;

namespace CentralDispatch.Dispatcher.Application;

/// <summary>Reads jobs with their step events for admins, and cancels them.</summary>
public sealed class JobService(DispatchDbContext db, JobQueue queue)
{
    public async Task<JobResponse> GetAsync(long id, CancellationToken cancellationToken)
    {
        var row = await (from j in db.Jobs.AsNoTracking()
                         join i in db.Instances.AsNoTracking() on j.InstanceId equals i.Id
                         join w in db.Workers.AsNoTracking() on j.WorkerId equals w.Id
                         where j.Id == id
                         select new { Job = j, Instance = i.Name, Worker = w.Name }).SingleOrDefaultAsync(cancellationToken)
                  ?? throw new NotFoundException($"There is no job {id}.");
        var events = await db.StepEvents.AsNoTracking().Where(e => e.JobId == id).OrderBy(e => e.Id).ToListAsync(cancellationToken);
        return row.Job.ToResponse(row.Instance, row.Worker, events);
    }

    public async Task<JobResponse> CancelAsync(long id, CancellationToken cancellationToken)
    {
        await queue.CancelAsync(id, cancellationToken);
        db.ChangeTracker.Clear();
        return await GetAsync(id, cancellationToken);
    }
}
