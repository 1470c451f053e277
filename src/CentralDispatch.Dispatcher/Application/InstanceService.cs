using CentralDispatch.Core.Contracts;
using CentralDispatch.Core.Contracts.Instances;
using CentralDispatch.Core.Contracts.Jobs;
using CentralDispatch.Core.Domain;
using CentralDispatch.Core.Domain.Actions;
using CentralDispatch.Core.Validation;
using CentralDispatch.Dispatcher.Errors;
using CentralDispatch.Dispatcher.Queue;
using CentralDispatch.Dispatcher.Security;
using CentralDispatch.Dispatcher.Store;
using Microsoft.EntityFrameworkCore;

namespace CentralDispatch.Dispatcher.Application;

/// <summary>Creates managed instances, lists them, and turns operator actions into jobs.</summary>
public sealed class InstanceService(
    DispatchDbContext db,
    StoreWriteGate gate,
    JobQueue queue,
    WorkerPlacement placement,
    TlsKeyProtector keys,
    TimeProvider time)
{
    public const int MaxPageSize = 200;
    public const int DefaultPageSize = 50;

    public async Task<InstanceResponse> CreateAsync(CreateInstanceRequest? request, string? requestedBy, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var errors = new FieldErrors();
        var valid = InstanceRequestValidator.Validate(request, now, errors) ?? throw new RequestValidationException(errors);
        var tls = valid.Tls is null ? null : Protect(valid.Tls);

        Job job;
        ManagedInstance instance;
        Worker worker;
        using (await gate.EnterAsync(cancellationToken))
        {
            await EnsureNamesFreeAsync(valid, cancellationToken);
            worker = await placement.ChooseAsync(valid.Worker, cancellationToken);
            instance = ManagedInstance.Create(valid.Name, valid.Hostname, valid.Aliases, worker.Id, valid.Release, valid.BackendEmail, tls, now);
            db.Instances.Add(instance);
            job = await queue.EnqueueAsync(instance, JobKind.Deploy, null, requestedBy, cancellationToken);
            await SaveAsync(cancellationToken);
        }

        queue.NotifyQueued(worker.Id);
        return instance.ToResponse(worker.Name, worker.InstallPath, job, now);
    }

    public async Task<Page<InstanceResponse>> ListAsync(InstanceQuery query, CancellationToken cancellationToken)
    {
        var (filtered, page, pageSize) = Filter(query);
        var total = await filtered.CountAsync(cancellationToken);
        var rows = await filtered.OrderBy(i => i.Name).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        var ids = rows.Select(r => r.Id).ToList();
        var workerIds = rows.Select(r => r.WorkerId).Distinct().ToList();
        var workers = await db.Workers.AsNoTracking().Where(w => workerIds.Contains(w.Id)).ToDictionaryAsync(w => w.Id, cancellationToken);
        var current = await db.Jobs.AsNoTracking()
            .Where(j => ids.Contains(j.InstanceId) && (j.State == JobState.Queued || j.State == JobState.Running))
            .ToDictionaryAsync(j => j.InstanceId, cancellationToken);
        var now = time.GetUtcNow();
        var items = rows.Select(r => r.ToResponse(workers[r.WorkerId].Name, workers[r.WorkerId].InstallPath, current.GetValueOrDefault(r.Id), now))
            .ToList();
        return new Page<InstanceResponse>(items, total, page, pageSize);
    }

    public async Task<InstanceResponse> GetAsync(string name, CancellationToken cancellationToken)
    {
        var (instance, worker) = await FindAsync(name, tracked: false, cancellationToken);
        var current = await db.Jobs.AsNoTracking()
            .Where(j => j.InstanceId == instance.Id)
            .OrderByDescending(j => j.Id)
            .FirstOrDefaultAsync(cancellationToken);
        return instance.ToResponse(worker.Name, worker.InstallPath, current, time.GetUtcNow());
    }

    /// <summary>Queues the job an action stands for, when the instance's state allows it.</summary>
    public async Task<JobSummary> ActAsync(string name, InstanceAction action, InstanceActionRequest? body, string? requestedBy,
        CancellationToken cancellationToken)
    {
        Job job;
        ManagedInstance instance;
        using (await gate.EnterAsync(cancellationToken))
        {
            (instance, var worker) = await FindAsync(name, tracked: true, cancellationToken);
            if (worker.RemovedAt is not null)
            {
                throw new ConflictException($"Instance '{name}' was on worker '{worker.Name}', which has been removed.");
            }

            instance.EnsureAllows(action);
            var parameters = await ArgumentsAsync(instance, action, body, cancellationToken);
            job = await queue.EnqueueAsync(instance, action.Kind, parameters, requestedBy, cancellationToken);
            await SaveAsync(cancellationToken);
        }

        queue.NotifyQueued(instance.WorkerId);
        return job.ToSummary(instance.Name);
    }

    /// <summary>
    /// Restores an Archived instance from its archive on its worker: under its own name (the record goes back to Pending)
    /// or under a new name (a new instance; the archived one stays). Validated like a create; queues a Deploy that reads the archive.
    /// </summary>
    public async Task<InstanceResponse> RestoreAsync(string name, RestoreInstanceRequest? body, string? requestedBy, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        Job job;
        ManagedInstance instance;
        Worker worker;
        using (await gate.EnterAsync(cancellationToken))
        {
            (var archived, worker) = await FindAsync(name, tracked: true, cancellationToken);
            if (archived.State != InstanceState.Archived)
            {
                throw new IllegalTransitionException($"Instance '{name}'", archived.State.ToString(), "restore", "Only an Archived instance can be restored.");
            }

            if (archived.ArchivePath is not { } archive)
            {
                throw new ConflictException($"Instance '{name}' has no archive (nothing of it was on its worker when it was decommissioned); there is nothing to restore.");
            }

            if (worker.RemovedAt is not null)
            {
                throw new ConflictException($"The archive of '{name}' is on worker '{worker.Name}', which has been removed.");
            }

            var valid = ValidateRestore(archived, worker, body, now);
            var tls = valid.Tls is null ? null : Protect(valid.Tls);
            if (valid.Name == archived.Name)
            {
                await EnsureHostnamesFreeAsync(valid, cancellationToken);
                archived.Restore(valid.Hostname, valid.Aliases, tls, now);
                instance = archived;
            }
            else
            {
                await EnsureNamesFreeAsync(valid, cancellationToken);
                instance = ManagedInstance.Create(valid.Name, valid.Hostname, valid.Aliases, worker.Id, archived.Release, archived.BackendEmail, tls, now);
                db.Instances.Add(instance);
            }

            var deploy = InstanceActions.Get<DeployAction>();
            job = await queue.EnqueueAsync(instance, deploy.Kind, deploy.Store(new DeployAction.Arguments(archive)), requestedBy, cancellationToken);
            await SaveAsync(cancellationToken);
        }

        queue.NotifyQueued(worker.Id);
        return instance.ToResponse(worker.Name, worker.InstallPath, job, now);
    }

    public async Task<IReadOnlyList<JobSummary>> JobsAsync(string name, CancellationToken cancellationToken)
    {
        var (instance, _) = await FindAsync(name, tracked: false, cancellationToken);
        var jobs = await db.Jobs.AsNoTracking().Where(j => j.InstanceId == instance.Id).OrderByDescending(j => j.Id).Take(100)
            .ToListAsync(cancellationToken);
        return jobs.Select(j => j.ToSummary(instance.Name)).ToList();
    }

    /// <summary>The action's stored arguments, made from the request and the instance's latest job of the same kind.</summary>
    private async Task<string?> ArgumentsAsync(ManagedInstance instance, InstanceAction action, InstanceActionRequest? body,
        CancellationToken cancellationToken)
    {
        var previous = await db.Jobs.AsNoTracking().Where(j => j.InstanceId == instance.Id && j.Kind == action.Kind)
            .OrderByDescending(j => j.Id).Select(j => j.Parameters).FirstOrDefaultAsync(cancellationToken);
        var errors = new FieldErrors();
        var arguments = action.StoreArguments(new ActionContext(instance, body, previous, time.GetUtcNow(), Protect, errors));
        return errors.IsEmpty ? arguments : throw new RequestValidationException(errors);
    }

    private TlsMaterial Protect(ValidatedTls tls) => new(tls.CertificatePem, keys.Protect(tls.KeyPem), tls.ChainPem, tls.NotAfter);

    /// <summary>The restored instance's fields: the request's where given, else the archived instance's; checked as a create is.</summary>
    private ValidInstanceRequest ValidateRestore(ManagedInstance archived, Worker worker, RestoreInstanceRequest? body, DateTimeOffset now)
    {
        var hostname = string.IsNullOrEmpty(body?.Hostname) ? archived.Hostname : body.Hostname;
        var aliases = body?.Aliases ?? (hostname == archived.Hostname ? archived.Aliases.Select(a => (string?)a).ToList() : []);
        var ownCertificate = !string.IsNullOrEmpty(body?.CertificatePem) || !string.IsNullOrEmpty(body?.KeyPem);
        var (certificate, key, chain) = ownCertificate
            ? (body!.CertificatePem, body.KeyPem, body.ChainPem)
            : (archived.CertificatePem, archived.ProtectedKeyPem is null ? null : keys.Unprotect(archived.ProtectedKeyPem), archived.ChainPem);
        var request = new CreateInstanceRequest(string.IsNullOrEmpty(body?.Name) ? archived.Name : body.Name, hostname, aliases, worker.Name,
            archived.Release, archived.BackendEmail, certificate, key, chain);
        var errors = new FieldErrors();
        var valid = InstanceRequestValidator.Validate(request, now, errors);
        if (valid is not null)
        {
            return valid;
        }

        if (!ownCertificate && archived.CertificatePem is not null && errors.Fields.Any(f => f is TlsRule.CertificateField or TlsRule.KeyField or TlsRule.ChainField))
        {
            errors.Add(TlsRule.CertificateField, "That was the archived instance's certificate; give certificatePem and keyPem to restore with another one.");
        }

        throw new RequestValidationException(errors);
    }

    private async Task EnsureNamesFreeAsync(ValidInstanceRequest valid, CancellationToken cancellationToken)
    {
        if (await db.Instances.AnyAsync(i => i.Name == valid.Name, cancellationToken))
        {
            throw new ConflictException($"An instance named '{valid.Name}' already exists.", "name");
        }

        await EnsureHostnamesFreeAsync(valid, cancellationToken);
    }

    private async Task EnsureHostnamesFreeAsync(ValidInstanceRequest valid, CancellationToken cancellationToken)
    {
        // Host names and aliases share one namespace among live instances.
        var wanted = new HashSet<string>([valid.Hostname, .. valid.Aliases], StringComparer.Ordinal);
        var live = await db.Instances.AsNoTracking().Where(i => i.State != InstanceState.Archived)
            .Select(i => new { i.Name, i.Hostname, i.Aliases }).ToListAsync(cancellationToken);
        foreach (var other in live)
        {
            var taken = new[] { other.Hostname }.Concat(other.Aliases).FirstOrDefault(wanted.Contains);
            if (taken is not null)
            {
                var field = taken == valid.Hostname ? "hostname" : "aliases";
                throw new ConflictException($"'{taken}' is already served by instance '{other.Name}'.", field);
            }
        }
    }

    private (IQueryable<ManagedInstance> Rows, int Page, int PageSize) Filter(InstanceQuery query)
    {
        var errors = new FieldErrors();
        InstanceState? state = null;
        if (!string.IsNullOrEmpty(query.State))
        {
            if (Enum.TryParse<InstanceState>(query.State, ignoreCase: true, out var parsed) && !int.TryParse(query.State, out _))
            {
                state = parsed;
            }
            else
            {
                errors.Add("state", $"Unknown state; use one of {string.Join(", ", Enum.GetNames<InstanceState>())}.");
            }
        }

        if (!string.IsNullOrEmpty(query.Worker))
        {
            errors.Check("worker", InstanceNameRule.Check(query.Worker, checkReserved: false));
        }

        if (query.Q is { Length: > 100 })
        {
            errors.Add("q", "At most 100 characters.");
        }

        if (query.ExpiringWithinDays is < 0 or > 3650)
        {
            errors.Add("expiringWithinDays", "Must be between 0 and 3650.");
        }

        var page = query.Page ?? 1;
        var pageSize = query.PageSize ?? DefaultPageSize;
        if (page < 1)
        {
            errors.Add("page", "Pages start at 1.");
        }

        if (pageSize is < 1 or > MaxPageSize)
        {
            errors.Add("pageSize", $"Must be between 1 and {MaxPageSize}.");
        }

        if (!errors.IsEmpty)
        {
            throw new RequestValidationException(errors);
        }

        var rows = db.Instances.AsNoTracking();
        if (state is not null)
        {
            rows = rows.Where(i => i.State == state);
        }

        if (!string.IsNullOrEmpty(query.Worker))
        {
            rows = rows.Where(i => db.Workers.Any(w => w.Id == i.WorkerId && w.Name == query.Worker && w.RemovedAt == null));
        }

        if (!string.IsNullOrEmpty(query.Q))
        {
            var text = query.Q.Trim().ToLowerInvariant();
            rows = rows.Where(i => i.Name.Contains(text) || i.Hostname.Contains(text));
        }

        if (query.ExpiringWithinDays is { } days)
        {
            var limit = time.GetUtcNow().AddDays(days);
            rows = rows.Where(i => i.CertificateNotAfter != null && i.CertificateNotAfter <= limit && i.State != InstanceState.Archived);
        }

        return (rows, page, pageSize);
    }

    private async Task<(ManagedInstance Instance, Worker Worker)> FindAsync(string name, bool tracked, CancellationToken cancellationToken)
    {
        var instances = tracked ? db.Instances : db.Instances.AsNoTracking();
        var instance = await instances.SingleOrDefaultAsync(i => i.Name == name, cancellationToken)
            ?? throw new NotFoundException($"There is no instance named '{name}'.");
        var worker = await db.Workers.AsNoTracking().SingleAsync(w => w.Id == instance.WorkerId, cancellationToken);
        return (instance, worker);
    }

    private async Task SaveAsync(CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e)
        {
            // The unique indexes (name, live host name, one unfinished job per instance) caught a race.
            throw new ConflictException("The store refused the change because something with the same name or an unfinished job already exists: "
                                        + (e.InnerException?.Message ?? e.Message));
        }
    }
}
