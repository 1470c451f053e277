using System.CommandLine;

namespace CentralDispatch.Cli.Commands.Quickstart;

/// <summary>`dispatch quickstart`: a dispatcher and a sandbox worker in one process, with a sample instance deployed.</summary>
public static class QuickstartCommand
{
    public static Command Build()
    {
        var data = new Option<string>("--data")
        {
            Description = "Folder for everything the quick start creates (replaced on each run).",
            DefaultValueFactory = _ => Path.Combine(Environment.CurrentDirectory, "quickstart-data"),
        };
        var port = new Option<int>("--port")
        {
            Description = "Port of the dispatcher on 127.0.0.1 (0 picks a free one).",
            DefaultValueFactory = _ => 8080,
        };
        var command = new Command("quickstart",
            "Start a dispatcher (SQLite) and a sandbox worker here, deploy a sample instance, and stay up until Ctrl-C.") { data, port };
        command.SetAction((result, cancellationToken) => CliErrors.Guard(async () =>
        {
            var session = new QuickstartSession(Path.GetFullPath(result.GetValue(data)!), result.GetValue(port), Console.Out, TimeProvider.System);
            return await session.RunAsync(cancellationToken);
        }));
        return command;
    }
}
