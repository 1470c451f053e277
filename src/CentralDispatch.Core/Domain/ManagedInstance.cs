using CentralDispatch.Core.Domain.Actions;

namespace CentralDispatch.Core.Domain;

/// <summary>One customer's copy of the application on one worker: code folder, database, user, certificate, vhost, cron.</summary>
public sealed class ManagedInstance
{
    private ManagedInstance()
    {
    }

    public Guid Id { get; private set; }
    public string Name { get; private set; } = "";
    public string Hostname { get; private set; } = "";
    public List<string> Aliases { get; private set; } = [];
    public Guid WorkerId { get; private set; }
    public string Release { get; private set; } = "";
    public string BackendEmail { get; private set; } = "";
    public string? CertificatePem { get; private set; }
    /// <summary>The private key, encrypted with ASP.NET Data Protection; decrypted only into a job payload.</summary>
    public string? ProtectedKeyPem { get; private set; }
    public string? ChainPem { get; private set; }
    public DateTimeOffset? CertificateNotAfter { get; private set; }
    public InstanceState State { get; private set; }
    /// <summary>The state the instance had when its current job started; where a failed job returns it.</summary>
    public InstanceState? StateBeforeJob { get; private set; }
    public string? ErrorStep { get; private set; }
    public string? ErrorMessage { get; private set; }
    public List<string> ErrorLeftovers { get; private set; } = [];
    public long? ErrorJobId { get; private set; }
    public string? Url { get; private set; }
    public string? ArchivePath { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    public InstanceError? LastError => ErrorStep is null || ErrorMessage is null
        ? null
        : new InstanceError(ErrorStep, ErrorMessage, ErrorLeftovers, ErrorJobId);

    public DerivedNames Derived => DerivedNames.For(Name);

    /// <summary>True while the instance occupies its name and hostname (everything but Archived).</summary>
    public bool IsLive => State != InstanceState.Archived;

    public static ManagedInstance Create(string name, string hostname, IEnumerable<string> aliases, Guid workerId,
        string release, string backendEmail, TlsMaterial? tls, DateTimeOffset now) => new()
    {
        Id = Guid.NewGuid(),
        Name = name,
        Hostname = hostname,
        Aliases = aliases.ToList(),
        WorkerId = workerId,
        Release = release,
        BackendEmail = backendEmail,
        CertificatePem = tls?.CertificatePem,
        ProtectedKeyPem = tls?.ProtectedKeyPem,
        ChainPem = tls?.ChainPem,
        CertificateNotAfter = tls?.NotAfter,
        State = InstanceState.Pending,
        CreatedAt = now,
        UpdatedAt = now,
    };

    /// <summary>Refuses an action the current state does not allow, saying what would be allowed.</summary>
    public void EnsureAllows(InstanceAction action)
    {
        ArgumentNullException.ThrowIfNull(action);
        if (action.AllowedFrom.Contains(State))
        {
            return;
        }

        throw new IllegalTransitionException(
            $"Instance '{Name}'", State.ToString(), action.Slug,
            $"It is allowed when the instance is {string.Join(" or ", action.AllowedFrom)}.");
    }

    /// <summary>A worker started this instance's job: move into the in-progress state the job's action implies.</summary>
    public void StartJob(JobKind kind, DateTimeOffset now)
    {
        var action = InstanceActions.ForKind(kind);
        // A requeued attempt of the same job starts again; the state already moved. The state the job started
        // from must allow this kind too: a Suspend may not pass for a new attempt while a Deploy runs.
        if (StateBeforeJob is { } before && action.AllowedFrom.Contains(before) && State == action.StateWhileRunning(before))
        {
            return;
        }

        if (!action.AllowedFrom.Contains(State))
        {
            throw new IllegalTransitionException($"Instance '{Name}'", State.ToString(), $"starting a {kind} job");
        }

        StateBeforeJob = State;
        State = action.StateWhileRunning(State);
        UpdatedAt = now;
    }

    /// <summary>The instance's job ended: move to the state its action gives the outcome, and record or clear the error.</summary>
    public void FinishJob(JobKind kind, JobState outcome, InstanceError? error, JobResultFacts facts, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(facts);
        if (!outcome.IsFinished())
        {
            throw new ArgumentOutOfRangeException(nameof(outcome), outcome, "A job outcome must be a finished state.");
        }

        var succeeded = outcome == JobState.Succeeded;
        State = InstanceActions.ForKind(kind).Ends.After(outcome, StateBeforeJob ?? State);
        if (succeeded)
        {
            ClearError();
            if (facts.Release is not null)
            {
                Release = facts.Release;
            }

            if (facts.Certificate is { } certificate)
            {
                ReplaceCertificate(certificate, now);
            }
        }
        else
        {
            var fallback = outcome == JobState.Cancelled ? "The job was cancelled." : $"The {kind} job ended {outcome}.";
            var reported = error ?? new InstanceError(kind.ToString(), fallback, []);
            ErrorStep = reported.Step;
            ErrorMessage = reported.Message;
            ErrorLeftovers = reported.Leftovers.ToList();
            ErrorJobId = reported.JobId;
        }

        if (facts.Url is not null)
        {
            Url = facts.Url;
        }

        if (facts.ArchivePath is not null)
        {
            ArchivePath = facts.ArchivePath;
        }

        if (State == InstanceState.Archived)
        {
            Url = null;
        }

        StateBeforeJob = null;
        UpdatedAt = now;
    }

    /// <summary>
    /// Archived → Pending for a restore under the same name: the host names and certificate may change, the archive path
    /// stays (the Deploy that follows reads it). The error of the past is cleared.
    /// </summary>
    public void Restore(string hostname, IEnumerable<string> aliases, TlsMaterial? tls, DateTimeOffset now)
    {
        if (State != InstanceState.Archived)
        {
            throw new IllegalTransitionException($"Instance '{Name}'", State.ToString(), "restore", "Only an Archived instance can be restored.");
        }

        Hostname = hostname;
        Aliases = aliases.ToList();
        CertificatePem = tls?.CertificatePem;
        ProtectedKeyPem = tls?.ProtectedKeyPem;
        ChainPem = tls?.ChainPem;
        CertificateNotAfter = tls?.NotAfter;
        State = InstanceState.Pending;
        StateBeforeJob = null;
        Url = null;
        ClearError();
        UpdatedAt = now;
    }

    /// <summary>A rotation succeeded: the new certificate becomes the instance's.</summary>
    public void ReplaceCertificate(TlsMaterial tls, DateTimeOffset now)
    {
        CertificatePem = tls.CertificatePem;
        ProtectedKeyPem = tls.ProtectedKeyPem;
        ChainPem = tls.ChainPem;
        CertificateNotAfter = tls.NotAfter;
        UpdatedAt = now;
    }

    private void ClearError()
    {
        ErrorStep = null;
        ErrorMessage = null;
        ErrorLeftovers = [];
        ErrorJobId = null;
    }
}
