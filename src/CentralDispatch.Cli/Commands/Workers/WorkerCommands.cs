using System.CommandLine;

namespace CentralDispatch.Cli.Commands.Workers;

/// <summary>`dispatch worker …`: the workers as the dispatcher knows them (list, register, drain, remove, rotate-token) and this host's worker (init, check, run).</summary>
public static class WorkerCommands
{
    public static Command Build()
    {
        var worker = new Command("worker", "Register and manage worker hosts; set up and check this host's worker.");
        worker.Subcommands.Add(WorkerAdminCommands.List());
        worker.Subcommands.Add(WorkerAdminCommands.Register());
        worker.Subcommands.Add(WorkerAdminCommands.Drain());
        worker.Subcommands.Add(WorkerAdminCommands.Remove());
        worker.Subcommands.Add(WorkerAdminCommands.RotateToken());
        worker.Subcommands.Add(WorkerInitCommand.Build());
        worker.Subcommands.Add(WorkerCheckCommand.Build());
        worker.Subcommands.Add(WorkerRunCommand.Build());
        return worker;
    }
}
