namespace CentralDispatch.Dispatcher.Web.Pages.Settings;

/// <summary>What an admin can do to a registered worker from the settings page.</summary>
public enum WorkerAction
{
    Drain,
    RotateToken,
    Remove,
}
