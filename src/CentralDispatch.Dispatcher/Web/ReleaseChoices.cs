using CentralDispatch.Core.Domain;
using CentralDispatch.Core.Validation;
using CentralDispatch.Dispatcher.Store;
using Microsoft.EntityFrameworkCore;

namespace CentralDispatch.Dispatcher.Web;

/// <summary>
/// The releases a redeploy form suggests for a worker: "default" and those its live instances run. Only suggestions:
/// the dispatcher does not see a worker's release folders, and the worker's preflight checks the one chosen.
/// </summary>
public sealed class ReleaseChoices(DispatchDbContext db)
{
    private const int Most = 50;

    public async Task<IReadOnlyList<string>> OnWorkerAsync(string worker, CancellationToken cancellationToken)
    {
        var used = await (from i in db.Instances.AsNoTracking()
                          join w in db.Workers.AsNoTracking() on i.WorkerId equals w.Id
                          where w.Name == worker && i.State != InstanceState.Archived
                          select i.Release).Distinct().Take(Most).ToListAsync(cancellationToken);
        return used.Append(ReleaseNameRule.Default).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
    }
}
