namespace CentralDispatch.Worker.Provisioning.Journal;

/// <summary>The kinds of journal record, in the order a job writes them.</summary>
public enum JournalRecordType
{
    /// <summary>An attempt of the job began (job id, instance, kind, attempt). Written again by every resumed attempt.</summary>
    JobStarted,
    StepStarted,

    /// <summary>Written before a step touches anything: the resource it is about to create.</summary>
    Intent,

    /// <summary>Written after the resource exists.</summary>
    Created,

    /// <summary>A value of the job's scratch state (never a secret).</summary>
    Note,
    StepSucceeded,
    StepFailed,

    /// <summary>The job stopped going forward: why (failing step, message, cancelled) and that rollback is owed.</summary>
    RollbackBegun,
    StepRollbackStarted,
    ResourceRemoved,
    ResourceRemovalFailed,
    StepRollbackDone,

    /// <summary>The job's result; the last one wins (a back-out may finish a journal again).</summary>
    JobFinished,

    /// <summary>The dispatcher has the result; kept only for journals that still list leftovers.</summary>
    Acknowledged,

    /// <summary>
    /// An existing resource this job takes over so that its removal removes it (decommission, back-out without a
    /// journal): from here on it is this job's, exactly as if it had created it.
    /// </summary>
    Adopted,
}
