using CentralDispatch.Core.Domain;

namespace CentralDispatch.Dispatcher.Web.Pages.Instances;

/// <summary>What the instance page says about each action: its button and, for destructive ones, the confirmation.</summary>
public static class InstanceActionText
{
    /// <summary>Actions that take a site down or remove things: they ask first, naming the instance.</summary>
    public static bool IsDestructive(InstanceAction action) =>
        action is InstanceAction.Suspend or InstanceAction.Decommission or InstanceAction.BackOut;

    public static string Button(InstanceAction action) => action switch
    {
        InstanceAction.Deploy => "Deploy",
        InstanceAction.Retry => "Retry deploy",
        InstanceAction.Redeploy => "Redeploy",
        InstanceAction.Suspend => "Suspend…",
        InstanceAction.Resume => "Resume",
        InstanceAction.Decommission => "Decommission…",
        InstanceAction.BackOut => "Back out…",
        _ => "Rotate certificate…",
    };

    public static string Confirmation(InstanceAction action, string name, string worker) => action switch
    {
        InstanceAction.Suspend =>
            $"Suspend {name}? The site answers with a maintenance page and its cron job stops until you resume it.",
        InstanceAction.Decommission =>
            $"Decommission {name}? Its webroot and database are archived first; then the site, database, database user, certificate files, "
            + $"virtual host and cron line are removed from {worker}. Only the archive remains.",
        _ =>
            $"Back out {name}? Everything this system created for it on {worker} (database, database user, webroot, certificate files, "
            + "virtual host, cron line) is removed again.",
    };

    public static string ConfirmButton(InstanceAction action, string name) => action switch
    {
        InstanceAction.Suspend => $"Suspend {name}",
        InstanceAction.Decommission => $"Decommission {name}",
        _ => $"Back out {name}",
    };
}
