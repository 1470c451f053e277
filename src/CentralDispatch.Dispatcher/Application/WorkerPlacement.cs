using CentralDispatch.Core.Domain;
using CentralDispatch.Dispatcher.Errors;
using CentralDispatch.Dispatcher.Store;
using Microsoft.EntityFrameworkCore;

namespace CentralDispatch.Dispatcher.Application;

/// <summary>Chooses the worker of a new instance: the one named, or the least-loaded Online worker with room.</summary>
public sealed class WorkerPlacement(DispatchDbContext db)
{
    public async Task<Worker> ChooseAsync(string? requested, CancellationToken cancellationToken)
    {
        var counts = await db.Instances.Where(i => i.State != InstanceState.Archived)
            .GroupBy(i => i.WorkerId).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        if (requested is not null)
        {
            var worker = await db.Workers.SingleOrDefaultAsync(w => w.Name == requested && w.RemovedAt == null, cancellationToken)
                ?? throw new ConflictException($"There is no worker named '{requested}'.", "worker");
            if (worker.State == WorkerState.Draining)
            {
                throw new ConflictException($"Worker '{requested}' is draining and takes no new instances.", "worker");
            }

            if (counts.GetValueOrDefault(worker.Id) >= worker.Capacity)
            {
                throw new ConflictException($"Worker '{requested}' is full ({worker.Capacity} instances).", "worker");
            }

            return worker;
        }

        var online = await db.Workers.Where(w => w.State == WorkerState.Online && w.RemovedAt == null).ToListAsync(cancellationToken);
        return online
            .Where(w => counts.GetValueOrDefault(w.Id) < w.Capacity)
            .OrderBy(w => (double)counts.GetValueOrDefault(w.Id) / w.Capacity)
            .ThenBy(w => counts.GetValueOrDefault(w.Id))
            .ThenBy(w => w.Name, StringComparer.Ordinal)
            .FirstOrDefault()
            ?? throw new ConflictException("No Online worker has room for a new instance; start or register a worker, or name one.", "worker");
    }
}
