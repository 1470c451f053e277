using CentralDispatch.Core.Contracts.Instances;
using CentralDispatch.Core.Contracts.Workers;
using CentralDispatch.Core.Domain;
using CentralDispatch.Core.Domain.Actions;
using CentralDispatch.Dispatcher.Application;
using CentralDispatch.Dispatcher.Store;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CentralDispatch.Dispatcher.Web.Pages;

/// <summary>The dashboard: what needs attention first, then instances by state, workers, running jobs, recent deployments.</summary>
public sealed class IndexModel(DispatchDbContext db, InstanceService instances, WorkerService workers, TimeProvider time) : PageModel
{
    public const int ExpiryWindowDays = 30;
    private const int RecentDeployments = 10;

    /// <summary>The kinds of job that ship code: the dashboard's deployments.</summary>
    private static readonly JobKind[] DeploymentKinds = InstanceActions.All.Where(a => a.IsDeployment).Select(a => a.Kind).Distinct().ToArray();

    public DateTimeOffset Now { get; private set; }
    public IReadOnlyList<AttentionRow> Attention { get; private set; } = [];
    public IReadOnlyList<InstanceResponse> Expiring { get; private set; } = [];
    public IReadOnlyDictionary<InstanceState, int> ByState { get; private set; } = new Dictionary<InstanceState, int>();
    public IReadOnlyList<WorkerResponse> Workers { get; private set; } = [];
    public IReadOnlyList<JobRow> Running { get; private set; } = [];
    public IReadOnlyList<JobRow> Recent { get; private set; } = [];

    public int WorkersIn(params WorkerState[] states) => Workers.Count(w => states.Contains(w.State));

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Now = time.GetUtcNow();
        var failed = await db.Instances.AsNoTracking()
            .Where(i => i.State == InstanceState.NeedsAttention || i.State == InstanceState.Failed)
            .OrderByDescending(i => i.UpdatedAt).Take(50)
            .ToListAsync(cancellationToken);
        // What rollback left behind needs a person before a clean failure does.
        Attention = failed.OrderBy(i => i.State == InstanceState.NeedsAttention ? 0 : 1)
            .Select(i => new AttentionRow(i.Name, i.State, i.ErrorStep, i.ErrorMessage, i.ErrorLeftovers.Count, i.UpdatedAt))
            .ToList();
        Expiring = (await instances.ListAsync(new InstanceQuery(ExpiringWithinDays: ExpiryWindowDays, PageSize: 50), cancellationToken)).Items
            .OrderBy(i => i.Certificate?.NotAfter).ToList();
        ByState = await db.Instances.AsNoTracking().GroupBy(i => i.State)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        Workers = await workers.ListAsync(cancellationToken);
        Running = await Jobs(db.Jobs.Where(j => j.State == JobState.Queued || j.State == JobState.Running).OrderBy(j => j.Id).Take(50), cancellationToken);
        Recent = await Jobs(db.Jobs.Where(j => DeploymentKinds.Contains(j.Kind) && j.FinishedAt != null)
            .OrderByDescending(j => j.FinishedAt).Take(RecentDeployments), cancellationToken);
    }

    private async Task<IReadOnlyList<JobRow>> Jobs(IQueryable<Job> jobs, CancellationToken cancellationToken) =>
        await (from j in jobs.AsNoTracking()
               join i in db.Instances.AsNoTracking() on j.InstanceId equals i.Id
               join w in db.Workers.AsNoTracking() on j.WorkerId equals w.Id
               select new JobRow(j.Id, i.Name, w.Name, j.Kind, j.State, j.Attempt, j.CreatedAt, j.StartedAt, j.FinishedAt, j.Error))
            .ToListAsync(cancellationToken);

    /// <summary>A failed instance, with what failed.</summary>
    public sealed record AttentionRow(string Name, InstanceState State, string? Step, string? Message, int Leftovers, DateTimeOffset UpdatedAt);

    /// <summary>A job with the names of its instance and worker.</summary>
    public sealed record JobRow(long Id, string Instance, string Worker, JobKind Kind, JobState State, int Attempt, DateTimeOffset CreatedAt,
        DateTimeOffset? StartedAt, DateTimeOffset? FinishedAt, string? Error);
}
