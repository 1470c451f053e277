using System.Globalization;
using CentralDispatch.Cli.Output;
using CentralDispatch.Core.Contracts.Workers;
using CentralDispatch.Core.Domain;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace CentralDispatch.Cli.Commands.Workers;

/// <summary>How workers look in a terminal.</summary>
public static class WorkerTables
{
    public static IRenderable List(IReadOnlyList<WorkerResponse> workers)
    {
        ArgumentNullException.ThrowIfNull(workers);
        if (workers.Count == 0)
        {
            return new Text("No workers registered; add one with `dispatch worker register NAME --host-url URL`.");
        }

        var table = Cells.Table("Name", "State", "Host URL", "Install path", "Labels", "Capacity", "Instances", "Last seen", "Agent");
        foreach (var w in workers)
        {
            table.AddRow(
                Cells.Text(w.Name),
                Cells.Text(w.State.ToString(), StateColor(w.State)),
                Cells.Text(w.HostUrl),
                Cells.Text(w.InstallPath),
                Cells.Text(string.Join(", ", w.Labels)),
                Cells.Text(w.Capacity.ToString(CultureInfo.InvariantCulture)),
                Cells.Text(w.InstanceCount.ToString(CultureInfo.InvariantCulture)),
                Cells.Text(Cells.Time(w.LastSeenAt)),
                Cells.Text(w.AgentVersion));
        }

        return table;
    }

    public static Color StateColor(WorkerState state) => state switch
    {
        WorkerState.Online => Color.Green,
        WorkerState.Offline => Color.Red,
        WorkerState.Draining => Color.Yellow,
        _ => Color.Default,
    };
}
