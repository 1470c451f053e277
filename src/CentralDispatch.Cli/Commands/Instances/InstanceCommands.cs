using System.CommandLine;
using CentralDispatch.Core.Domain.Actions;

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
        foreach (var action in InstanceActions.All)
        {
            // Redeploy has a batch form besides the one-instance verb.
            instance.Subcommands.Add(action is RedeployAction redeploy ? RedeployCommand.Build(redeploy) : InstanceActionCommand.Build(action));
        }

        instance.Subcommands.Add(RestoreCommand.Build());
        return instance;
    }
}
