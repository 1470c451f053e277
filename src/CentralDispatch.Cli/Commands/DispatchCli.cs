using System.CommandLine;
using System.CommandLine.Invocation;
using CentralDispatch.Cli.Commands.Instances;
using CentralDispatch.Cli.Commands.Jobs;
using CentralDispatch.Cli.Commands.Login;
using CentralDispatch.Cli.Commands.Workers;

namespace CentralDispatch.Cli.Commands;

/// <summary>The `dispatch` command tree: every role of Central Dispatch in one executable.</summary>
public static class DispatchCli
{
    public static RootCommand Build()
    {
        var root = new RootCommand(
            "Central Dispatch: provision and run managed web-application instances on a fleet of worker hosts.\n" + ExitCodes.Summary);
        root.Subcommands.Add(ServeCommand.Build());
        root.Subcommands.Add(AdminCommands.Build());
        root.Subcommands.Add(LoginCommand.Build());
        root.Subcommands.Add(WorkerCommands.Build());
        root.Subcommands.Add(InstanceCommands.Build());
        root.Subcommands.Add(JobCommands.Build());
        root.Subcommands.Add(Quickstart.QuickstartCommand.Build());
        return root;
    }

    public static async Task<int> RunAsync(string[] args)
    {
        var parsed = Build().Parse(args);
        if (parsed.Action is ParseErrorAction)
        {
            return await ParseErrorsAsync(parsed);
        }

        return await parsed.InvokeAsync();
    }

    /// <summary>Bad input on the command line: one "error:" line per problem and a pointer to --help, not a page of help text.</summary>
    private static async Task<int> ParseErrorsAsync(ParseResult parsed)
    {
        foreach (var error in parsed.Errors)
        {
            await CliErrors.WriteAsync(error.Message);
        }

        var path = new List<string>();
        for (var command = parsed.CommandResult; command is not null; command = command.Parent as System.CommandLine.Parsing.CommandResult)
        {
            path.Insert(0, command.Command.Name);
        }

        path[0] = "dispatch";
        await Console.Error.WriteLineAsync($"Run `{string.Join(' ', path)} --help` for usage.");
        return ExitCodes.Refused;
    }
}
