using CentralDispatch.Core.Contracts.Agent;
using CentralDispatch.Core.Contracts.Workers;
using CentralDispatch.Core.Domain;
using CentralDispatch.Core.Validation;
using CentralDispatch.Dispatcher.Errors;
using CentralDispatch.Dispatcher.Security;
using CentralDispatch.Dispatcher.Store;
using Microsoft.EntityFrameworkCore;

namespace CentralDispatch.Dispatcher.Application;

/// <summary>Registers, lists, drains, re-keys and removes workers; records their hello.</summary>
public sealed class WorkerService(DispatchDbContext db, StoreWriteGate gate, TimeProvider time)
{
    public async Task<WorkerEnrolmentResponse> RegisterAsync(RegisterWorkerRequest? request, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var valid = WorkerRequestValidator.Validate(request, errors) ?? throw new RequestValidationException(errors);
        var token = Tokens.New(Tokens.WorkerPrefix);
        using var _ = await gate.EnterAsync(cancellationToken);
        if (await db.Workers.AnyAsync(w => w.Name == valid.Name && w.RemovedAt == null, cancellationToken))
        {
            throw new ConflictException($"A worker named '{valid.Name}' is already registered.", "name");
        }

        var worker = Worker.Register(valid.Name, valid.HostUrl, valid.InstallPath, valid.Labels, valid.Capacity, Tokens.Hash(token),
            time.GetUtcNow());
        db.Workers.Add(worker);
        await db.SaveChangesAsync(cancellationToken);
        return worker.ToEnrolment(0, token);
    }

    public async Task<IReadOnlyList<WorkerResponse>> ListAsync(CancellationToken cancellationToken)
    {
        var workers = await db.Workers.AsNoTracking().Where(w => w.RemovedAt == null).OrderBy(w => w.Name).ToListAsync(cancellationToken);
        var counts = await LiveInstanceCountsAsync(cancellationToken);
        return workers.Select(w => w.ToResponse(counts.GetValueOrDefault(w.Id))).ToList();
    }

    public async Task<WorkerResponse> GetAsync(string name, CancellationToken cancellationToken)
    {
        var worker = await FindAsync(name, cancellationToken);
        return worker.ToResponse(await LiveInstanceCountAsync(worker.Id, cancellationToken));
    }

    public async Task<WorkerResponse> DrainAsync(string name, CancellationToken cancellationToken)
    {
        using var _ = await gate.EnterAsync(cancellationToken);
        var worker = await FindAsync(name, cancellationToken);
        worker.Drain();
        await db.SaveChangesAsync(cancellationToken);
        return worker.ToResponse(await LiveInstanceCountAsync(worker.Id, cancellationToken));
    }

    public async Task<WorkerEnrolmentResponse> RotateTokenAsync(string name, CancellationToken cancellationToken)
    {
        var token = Tokens.New(Tokens.WorkerPrefix);
        using var _ = await gate.EnterAsync(cancellationToken);
        var worker = await FindAsync(name, cancellationToken);
        worker.RotateToken(Tokens.Hash(token));
        await db.SaveChangesAsync(cancellationToken);
        return worker.ToEnrolment(await LiveInstanceCountAsync(worker.Id, cancellationToken), token);
    }

    public async Task RemoveAsync(string name, CancellationToken cancellationToken)
    {
        using var _ = await gate.EnterAsync(cancellationToken);
        var worker = await FindAsync(name, cancellationToken);
        var live = await LiveInstanceCountAsync(worker.Id, cancellationToken);
        if (live > 0)
        {
            throw new ConflictException(
                $"Worker '{name}' still hosts {live} live instance(s); decommission them (or drain the worker) before removing it.");
        }

        // A random hash nobody holds the token for: the old token stops working at once.
        worker.Remove(Tokens.Hash(Tokens.New(Tokens.WorkerPrefix)), time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>A worker's hello: records its version and that it is alive; returns its poll and lease settings' subject.</summary>
    public async Task<Worker> HelloAsync(Guid workerId, HelloRequest? request, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var version = request?.AgentVersion;
        if (version is not null && (version.Length > 64 || !version.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '+' or '_')))
        {
            errors.Add("agentVersion", "At most 64 characters of letters, digits and . - + _.");
        }

        if (request?.Concurrency is < 1 or > 256)
        {
            errors.Add("concurrency", "Must be between 1 and 256.");
        }

        if (!errors.IsEmpty)
        {
            throw new RequestValidationException(errors);
        }

        using var _ = await gate.EnterAsync(cancellationToken);
        var worker = await db.Workers.SingleAsync(w => w.Id == workerId, cancellationToken);
        worker.MarkSeen(time.GetUtcNow(), version ?? "unknown");
        // The worker makes its webroots under its own configured path: that one is shown, not the one registered. A
        // path the registration would refuse is not taken (the worker's own check is looser: its sandbox may be anywhere).
        if (request?.Facts?.GetValueOrDefault(HelloRequest.InstallPathFact) is { } installPath && InstallPathRule.Check(installPath) is null)
        {
            worker.ReportInstallPath(installPath);
        }

        await db.SaveChangesAsync(cancellationToken);
        return worker;
    }

    private async Task<Worker> FindAsync(string name, CancellationToken cancellationToken) =>
        await db.Workers.SingleOrDefaultAsync(w => w.Name == name && w.RemovedAt == null, cancellationToken)
        ?? throw new NotFoundException($"There is no worker named '{name}'.");

    private Task<int> LiveInstanceCountAsync(Guid workerId, CancellationToken cancellationToken) =>
        db.Instances.CountAsync(i => i.WorkerId == workerId && i.State != InstanceState.Archived, cancellationToken);

    private async Task<Dictionary<Guid, int>> LiveInstanceCountsAsync(CancellationToken cancellationToken) =>
        await db.Instances.Where(i => i.State != InstanceState.Archived)
            .GroupBy(i => i.WorkerId)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
}
