using System.CommandLine;

namespace CentralDispatch.Cli.Commands;

/// <summary>The `dispatch` command tree: every role of Central Dispatch in one executable.</summary>
public static class DispatchCli
{
    public static RootCommand Build()
    {
        var root = new RootCommand("Central Dispatch: provision and run managed web-application instances on a fleet of worker hosts.");
        root.Subcommands.Add(ServeCommand.Build());
        root.Subcommands.Add(AdminCommands.Build());
        root.Subcommands.Add(Quickstart.QuickstartCommand.Build());
        return root;
    }

    public static async Task<int> RunAsync(string[] args)
    {
        var parsed = Build().Parse(args);
        return await parsed.InvokeAsync();
    }
}
