namespace CentralDispatch.Worker.Provisioning.Engine;

/// <summary>Where around one step (or at the end of a plan) <see cref="FaultInjection"/> may kill the worker.</summary>
public enum FaultPoint
{
    /// <summary>"before": StepStarted is journaled, Apply has not begun.</summary>
    BeforeApply,

    /// <summary>"after": Apply and Verify succeeded, StepSucceeded is not journaled yet.</summary>
    AfterVerify,

    /// <summary>"after-journal": StepSucceeded is journaled, the next step has not started.</summary>
    AfterJournal,

    /// <summary>"before-undo": rolling back, StepRollbackStarted is journaled, none of the step's resources is removed yet.</summary>
    BeforeUndo,

    /// <summary>"after-undo": rolling back, the step's first resource is removed, ResourceRemoved is not journaled yet.</summary>
    AfterUndo,

    /// <summary>"after-finish" (with the plan's name, e.g. after-finish:Deploy): the job's result is journaled, not yet reported.</summary>
    AfterFinish,
}
