namespace CentralDispatch.Dispatcher.Web.Pages.Settings;

/// <summary>The worker actions' URL names, buttons and confirmations.</summary>
public static class WorkerActionText
{
    public static bool TryParse(string? slug, out WorkerAction action)
    {
        (var ok, action) = slug switch
        {
            "drain" => (true, WorkerAction.Drain),
            "rotate-token" => (true, WorkerAction.RotateToken),
            "remove" => (true, WorkerAction.Remove),
            _ => (false, WorkerAction.Drain),
        };
        return ok;
    }

    public static string Slug(WorkerAction action) => action switch
    {
        WorkerAction.Drain => "drain",
        WorkerAction.RotateToken => "rotate-token",
        _ => "remove",
    };

    public static string Button(WorkerAction action) => action switch
    {
        WorkerAction.Drain => "Drain…",
        WorkerAction.RotateToken => "Rotate token…",
        _ => "Remove…",
    };

    public static string Confirmation(WorkerAction action, string name) => action switch
    {
        WorkerAction.Drain => $"Drain {name}? No new instance is placed on it; the instances it has stay and keep being served. This lasts until the worker is removed.",
        WorkerAction.RotateToken => $"Rotate the token of {name}? Its current token stops working at once; the agent on the host needs the new one.",
        _ => $"Remove {name}? Its token stops working at once. A worker that still hosts live instances cannot be removed.",
    };

    public static string ConfirmButton(WorkerAction action, string name) => action switch
    {
        WorkerAction.Drain => $"Drain {name}",
        WorkerAction.RotateToken => $"Rotate the token of {name}",
        _ => $"Remove {name}",
    };
}
