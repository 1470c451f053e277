using CentralDispatch.Core.Domain;

namespace CentralDispatch.Dispatcher.Web.Live;

/// <summary>The state of a job and of its instance, as the live view shows them; a change is sent as a "job" event.</summary>
public sealed record LiveJob(long Id, JobState State, int Attempt, bool CancelRequested, InstanceState InstanceState, bool Finished)
{
    public string StateLabel => Display.Words(State);
    public string StateTone => Display.Tone(State);
    public string InstanceStateLabel => Display.Words(InstanceState);
    public string InstanceStateTone => Display.Tone(InstanceState);
}
