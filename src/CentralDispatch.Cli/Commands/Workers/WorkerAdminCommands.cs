using System.CommandLine;
using CentralDispatch.Cli.Client;
using CentralDispatch.Cli.Commands.Api;
using CentralDispatch.Core.Contracts.Workers;

namespace CentralDispatch.Cli.Commands.Workers;

/// <summary>`dispatch worker list|register|drain|remove|rotate-token`: the workers as the dispatcher knows them.</summary>
public static class WorkerAdminCommands
{
    public static Argument<string> NameArgument() => new("NAME") { Description = "The worker's name." };

    public static Command List()
    {
        var command = new Command("list", "List registered workers with their state, capacity and instance count.");
        return ApiOptions.Attach(command, async (_, session) =>
        {
            var workers = await session.Api.GetAsync<List<WorkerResponse>>("api/v1/workers", session.CancellationToken);
            await session.Console.ShowAsync(workers, WorkerTables.List);

            return ExitCodes.Success;
        });
    }

    public static Command Register()
    {
        var name = NameArgument();
        var hostUrl = new Option<string>("--host-url") { Description = "The host's public base address, e.g. https://web1.example.com.", Required = true, HelpName = "URL" };
        var installPath = new Option<string?>("--install-path") { Description = "Where instances' webroots go on the host (default /var/www).", HelpName = "PATH" };
        var labels = new Option<string[]>("--label") { Description = "A label for placement; repeat for several.", HelpName = "LABEL" };
        var capacity = new Option<int?>("--capacity") { Description = "How many instances the host may carry.", HelpName = "N" };
        var dispatcherUrl = new Option<string?>("--dispatcher-url")
        {
            Description = "The dispatcher's address as the worker host reaches it, for the printed init line (default: the --url used here).",
            HelpName = "URL",
        };
        var command = new Command("register", "Register a worker host; prints its one-time enrolment token and the `dispatch worker init` line to run on the host.")
        {
            name, hostUrl, installPath, labels, capacity, dispatcherUrl,
        };
        return ApiOptions.Attach(command, async (result, session) =>
        {
            var request = new RegisterWorkerRequest(result.GetValue(name), result.GetValue(hostUrl), result.GetValue(installPath),
                result.GetValue(labels) is { Length: > 0 } given ? [.. given] : null, result.GetValue(capacity));
            var worker = await session.Api.PostAsync<WorkerEnrolmentResponse>("api/v1/workers", request, session.CancellationToken);
            return await PrintEnrolmentAsync(session, worker, result.GetValue(dispatcherUrl), rotated: false);
        });
    }

    public static Command Drain()
    {
        var name = NameArgument();
        var command = new Command("drain", "Stop placing new instances on a worker; the instances it has stay and keep being served.") { name };
        return ApiOptions.Attach(command, async (result, session) =>
        {
            var worker = await session.Api.PostAsync<WorkerResponse>($"api/v1/workers/{Segment(result.GetValue(name))}/drain", null, session.CancellationToken);
            await session.Console.ShowAsync(worker, v => $"Worker {v.Name} is {v.State}: no new instances go to it; its {v.InstanceCount} instance(s) stay.");

            return ExitCodes.Success;
        });
    }

    public static Command Remove()
    {
        var name = NameArgument();
        var yes = ActionOptions.Yes();
        var command = new Command("remove", "Remove a worker that hosts no live instance; its token stops working at once.") { name, yes };
        return ApiOptions.Attach(command, async (result, session) =>
        {
            var worker = result.GetValue(name)!;
            await Confirmation.EnsureAsync(session, result.GetValue(yes), $"Remove worker '{worker}'? Its token stops working at once.");
            await session.Api.DeleteAsync($"api/v1/workers/{Segment(worker)}", session.CancellationToken);
            if (session.Console.IsJson)
            {
                await session.Console.JsonAsync(System.Text.Json.JsonSerializer.Serialize(new { removed = worker }));
            }
            else
            {
                await session.Console.NoteAsync($"Removed worker {worker}.");
            }

            return ExitCodes.Success;
        });
    }

    public static Command RotateToken()
    {
        var name = NameArgument();
        var dispatcherUrl = new Option<string?>("--dispatcher-url") { Description = "The dispatcher's address as the worker host reaches it (default: the --url used here).", HelpName = "URL" };
        var command = new Command("rotate-token", "Issue a new enrolment token for a worker; the old one stops working.") { name, dispatcherUrl };
        return ApiOptions.Attach(command, async (result, session) =>
        {
            var worker = await session.Api.PostAsync<WorkerEnrolmentResponse>($"api/v1/workers/{Segment(result.GetValue(name))}/token", null, session.CancellationToken);
            return await PrintEnrolmentAsync(session, worker, result.GetValue(dispatcherUrl), rotated: true);
        });
    }

    /// <summary>A name as one URL path segment: a name with '/' or '?' must not reach another route.</summary>
    public static string Segment(string? name) => Uri.EscapeDataString(name ?? string.Empty);

    private static async Task<int> PrintEnrolmentAsync(ApiSession session, ApiResult<WorkerEnrolmentResponse> worker, string? dispatcherUrl, bool rotated)
    {
        if (session.Console.IsJson)
        {
            await session.Console.JsonAsync(worker.Json);
            return ExitCodes.Success;
        }

        var dispatcher = dispatcherUrl is null ? session.Api.Credentials.Url : CredentialResolver.ParseUrl(dispatcherUrl);
        await EnrolmentInstructions.WriteAsync(Console.Out, worker.Value, dispatcher, rotated);
        return ExitCodes.Success;
    }
}
