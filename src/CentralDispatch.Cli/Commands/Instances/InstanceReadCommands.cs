using System.CommandLine;
using System.Globalization;
using CentralDispatch.Cli.Commands.Api;
using CentralDispatch.Cli.Commands.Workers;
using CentralDispatch.Core.Contracts;
using CentralDispatch.Core.Contracts.Instances;

namespace CentralDispatch.Cli.Commands.Instances;

/// <summary>`dispatch instance list|show`.</summary>
public static class InstanceReadCommands
{
    public static Argument<string> NameArgument() => new("NAME") { Description = "The instance's name." };

    public static Command List()
    {
        var state = new Option<string?>("--state") { Description = "Only instances in this state (Pending, Active, Failed, NeedsAttention, …).", HelpName = "STATE" };
        var worker = new Option<string?>("--worker") { Description = "Only instances on this worker.", HelpName = "WORKER" };
        var search = new Option<string?>("--search") { Description = "Only instances whose name or hostname contains this text.", HelpName = "TEXT" };
        var expiring = new Option<int?>("--expiring-within-days") { Description = "Only instances whose certificate expires within N days.", HelpName = "N" };
        var page = new Option<int?>("--page") { Description = "Page number, from 1.", HelpName = "N" };
        var pageSize = new Option<int?>("--page-size") { Description = "Instances per page (at most 200).", HelpName = "N" };
        var command = new Command("list", "List instances, filtered by state, worker, text or certificate expiry; paged.")
        {
            state, worker, search, expiring, page, pageSize,
        };
        return ApiOptions.Attach(command, async (result, session) =>
        {
            var query = Query(
                ("state", result.GetValue(state)),
                ("worker", result.GetValue(worker)),
                ("q", result.GetValue(search)),
                ("expiringWithinDays", result.GetValue(expiring)?.ToString(CultureInfo.InvariantCulture)),
                ("page", result.GetValue(page)?.ToString(CultureInfo.InvariantCulture)),
                ("pageSize", result.GetValue(pageSize)?.ToString(CultureInfo.InvariantCulture)));
            var instances = await session.Api.GetAsync<Page<InstanceResponse>>("api/v1/instances" + query, session.CancellationToken);
            await session.Console.ShowAsync(instances, InstanceTables.List);

            return ExitCodes.Success;
        });
    }

    public static Command Show()
    {
        var name = NameArgument();
        var command = new Command("show", "Show one instance: state, URL, derived names, certificate, current job and last error.") { name };
        return ApiOptions.Attach(command, async (result, session) =>
        {
            var instance = await session.Api.GetAsync<InstanceResponse>($"api/v1/instances/{WorkerAdminCommands.Segment(result.GetValue(name))}", session.CancellationToken);
            await session.Console.ShowAsync(instance, InstanceTables.Show);

            return ExitCodes.Success;
        });
    }

    public static string Query(params (string Name, string? Value)[] parameters)
    {
        var given = parameters.Where(p => !string.IsNullOrEmpty(p.Value)).Select(p => $"{p.Name}={Uri.EscapeDataString(p.Value!)}").ToList();
        return given.Count == 0 ? string.Empty : "?" + string.Join('&', given);
    }
}
