namespace CentralDispatch.Worker.Provisioning.Journal;

/// <summary>Where a job stood when its journal was last written.</summary>
public enum JournalPhase
{
    /// <summary>Going forward: a resumed attempt continues from the first step not marked succeeded.</summary>
    Running,

    /// <summary>Rollback was owed: a resumed attempt finishes it.</summary>
    RollingBack,

    /// <summary>The job has a result: a resumed attempt returns it and does nothing.</summary>
    Finished,
}
