using System.CommandLine;
using CentralDispatch.Core.Domain;

namespace CentralDispatch.Cli.Commands.Instances;

/// <summary>`dispatch instance …`: managed instances and every action on them.</summary>
public static class InstanceCommands
{
    public static Command Build()
    {
        var instance = new Command("instance", "Create, list and act on managed instances (deploy, redeploy, suspend, decommission, restore, …).");
        instance.Subcommands.Add(InstanceReadCommands.List());
        instance.Subcommands.Add(InstanceReadCommands.Show());
        instance.Subcommands.Add(InstanceCreateCommand.Build());
        instance.Subcommands.Add(InstanceActionCommand.Build(InstanceAction.Deploy, "Queue the deploy of a Pending or Failed instance."));
        instance.Subcommands.Add(InstanceActionCommand.Build(InstanceAction.Retry, "Deploy a Failed instance again (its error says what went wrong)."));
        instance.Subcommands.Add(RedeployCommand.Build());
        instance.Subcommands.Add(InstanceActionCommand.Build(InstanceAction.Suspend, "Switch an Active instance off: 503 maintenance page, cron line inactive."));
        instance.Subcommands.Add(InstanceActionCommand.Build(InstanceAction.Resume, "Switch a Suspended instance back on."));
        instance.Subcommands.Add(InstanceActionCommand.Build(InstanceAction.RotateCertificate, "Install a new certificate and key (checked as at create time); the old ones come back on failure."));
        instance.Subcommands.Add(InstanceActionCommand.Build(InstanceAction.Decommission,
            "Archive an instance (webroot, database dump, manifest) and remove it from its worker.",
            "Decommission instance '{0}'? It is archived, then its site, database, files and cron line are removed from its worker."));
        instance.Subcommands.Add(InstanceActionCommand.Build(InstanceAction.BackOut,
            "Remove what a failed job left behind (Failed or NeedsAttention instances): from its journal, or everything carrying the instance's tag.",
            "Back out instance '{0}'? Everything this system created for it on its worker is removed."));
        instance.Subcommands.Add(RestoreCommand.Build());
        return instance;
    }
}
