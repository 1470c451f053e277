namespace CentralDispatch.Dispatcher.Queue;

/// <summary>
/// Wakes the UI's live views of a job when this process stored something about it (a claim, step events, a
/// completion, a cancel). Other replicas do not see it; their live views fall back to polling the store.
/// </summary>
public sealed class JobActivity : Signal<long>;
