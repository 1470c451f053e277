namespace CentralDispatch.Core.Domain;

/// <summary>A registered worker host that runs provisioning jobs for the instances placed on it.</summary>
public sealed class Worker
{
    private Worker()
    {
    }

    public Guid Id { get; private set; }
    public string Name { get; private set; } = "";
    public string HostUrl { get; private set; } = "";
    public string InstallPath { get; private set; } = "";
    public List<string> Labels { get; private set; } = [];
    public int Capacity { get; private set; }
    public WorkerState State { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? LastSeenAt { get; private set; }
    public string? AgentVersion { get; private set; }
    /// <summary>SHA-256 of the enrolment token; the token itself is shown once and never stored.</summary>
    public string TokenHash { get; private set; } = "";
    /// <summary>Set when an admin removed the worker; the row stays so past instances and jobs keep their history.</summary>
    public DateTimeOffset? RemovedAt { get; private set; }

    public static Worker Register(string name, string hostUrl, string installPath, IEnumerable<string> labels,
        int capacity, string tokenHash, DateTimeOffset now) => new()
    {
        Id = Guid.NewGuid(),
        Name = name,
        HostUrl = hostUrl,
        InstallPath = installPath,
        Labels = labels.ToList(),
        Capacity = capacity,
        State = WorkerState.Enrolled,
        CreatedAt = now,
        TokenHash = tokenHash,
    };

    public bool AcceptsNewInstances => State == WorkerState.Online;

    /// <summary>Records a hello, claim or heartbeat: the worker is alive.</summary>
    public void MarkSeen(DateTimeOffset now, string? agentVersion = null)
    {
        LastSeenAt = now;
        if (agentVersion is not null)
        {
            AgentVersion = agentVersion;
        }

        if (State is WorkerState.Enrolled or WorkerState.Offline)
        {
            State = WorkerState.Online;
        }
    }

    /// <summary>
    /// The install path the worker reports from its own configuration (hello): its webroots are there, whatever was
    /// typed when it was registered.
    /// </summary>
    public void ReportInstallPath(string installPath)
    {
        ArgumentException.ThrowIfNullOrEmpty(installPath);
        InstallPath = installPath;
    }

    /// <summary>Marks the worker Offline when it has been silent since <paramref name="silentSince"/>.</summary>
    public bool MarkOfflineIfSilent(DateTimeOffset silentSince)
    {
        if (State != WorkerState.Online || LastSeenAt is null || LastSeenAt >= silentSince)
        {
            return false;
        }

        State = WorkerState.Offline;
        return true;
    }

    public void Drain()
    {
        State = WorkerState.Draining;
    }

    public void RotateToken(string tokenHash)
    {
        TokenHash = tokenHash;
    }

    /// <summary>Removes the worker from service: its token stops working and its name is free again.</summary>
    public void Remove(string unusableTokenHash, DateTimeOffset now)
    {
        RemovedAt = now;
        TokenHash = unusableTokenHash;
    }
}
