using System.CommandLine;
using CentralDispatch.Dispatcher;
using Microsoft.Extensions.Hosting;

namespace CentralDispatch.Cli.Commands;

/// <summary>`dispatch serve`: runs the dispatcher (web UI, REST API, job queue).</summary>
public static class ServeCommand
{
    public static Command Build()
    {
        var urls = new Option<string>("--urls")
        {
            Description = "Addresses to listen on, separated by ';'.",
            DefaultValueFactory = _ => "http://127.0.0.1:8080",
        };
        var data = CommonOptions.Data();
        var database = CommonOptions.Database();
        var command = new Command("serve", "Run the dispatcher: web UI, REST API and job queue.") { urls, data, database };
        command.SetAction((result, cancellationToken) => CliErrors.Guard(async () =>
        {
            ProcessUmask.RestrictToOwner();
            var settings = new DispatcherSettings(result.GetValue(data)!, result.GetValue(database), result.GetValue(urls));
            await using var app = DispatcherApp.Build(settings);
            var addresses = await DispatcherApp.StartAsync(app, cancellationToken);
            await Console.Out.WriteLineAsync($"Central Dispatch is listening on {string.Join(", ", addresses)}");
            await app.WaitForShutdownAsync(cancellationToken);
            return 0;
        }));
        return command;
    }
}
