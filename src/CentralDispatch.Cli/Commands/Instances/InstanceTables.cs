using System.Globalization;
using CentralDispatch.Cli.Output;
using CentralDispatch.Core.Contracts;
using CentralDispatch.Core.Contracts.Instances;
using CentralDispatch.Core.Contracts.Jobs;
using CentralDispatch.Core.Domain;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace CentralDispatch.Cli.Commands.Instances;

/// <summary>How instances look in a terminal.</summary>
public static class InstanceTables
{
    public static IRenderable List(Page<InstanceResponse> page)
    {
        ArgumentNullException.ThrowIfNull(page);
        if (page.Total == 0)
        {
            return new Text("No instances match.");
        }

        var table = Cells.Table("Name", "State", "Hostname", "Worker", "Release", "Certificate", "Job", "URL");
        foreach (var i in page.Items)
        {
            table.AddRow(
                Cells.Text(i.Name),
                Cells.Text(i.State.ToString(), StateColor(i.State)),
                Cells.Text(i.Hostname),
                Cells.Text(i.Worker),
                Cells.Text(i.Release),
                Cells.Text(i.Certificate is { } c ? $"{c.DaysLeft} days left" : "none"),
                Cells.Text(Job(i.CurrentJob)),
                Cells.Text(i.Url));
        }

        var pages = (int)Math.Ceiling(page.Total / (double)page.PageSize);
        table.Caption = new TableTitle(Markup.Escape(string.Create(CultureInfo.InvariantCulture,
            $"{page.Items.Count} of {page.Total} instance(s); page {page.PageNumber} of {pages}")));
        return table;
    }

    public static IRenderable Show(InstanceResponse instance)
    {
        ArgumentNullException.ThrowIfNull(instance);
        var fields = Cells.Fields(
        [
            ("Name", instance.Name),
            ("State", instance.State.ToString()),
            ("Hostname", instance.Hostname),
            ("Aliases", string.Join(", ", instance.Aliases)),
            ("URL", instance.Url),
            ("Worker", instance.Worker),
            ("Release", instance.Release),
            ("Backend e-mail", instance.BackendEmail),
            ("Webroot", instance.Webroot),
            ("Database", instance.Database),
            ("Database user", instance.DatabaseUser),
            ("Certificate", instance.Certificate is { } c
                ? string.Create(CultureInfo.InvariantCulture, $"{c.Subject}, valid until {Cells.Time(c.NotAfter)} ({c.DaysLeft} days left){(c.HasChain ? ", with chain" : string.Empty)}")
                : "none (served with the worker's default certificate, or plain HTTP)"),
            ("Archive", instance.ArchivePath),
            ("Created", Cells.Time(instance.CreatedAt)),
            ("Updated", Cells.Time(instance.UpdatedAt)),
            ("Job", instance.CurrentJob is { } j ? $"{Job(j)} (`dispatch job show {j.Id}`)" : null),
            ("Last error", instance.LastError is { } e ? $"step {e.Step}: {e.Message}" : null),
            ("Left behind", instance.LastError is { Leftovers.Count: > 0 } l ? string.Join(", ", l.Leftovers) : null),
        ]);
        return fields;
    }

    public static string Job(JobSummary? job) => job is null ? string.Empty : $"{job.Id} {job.Kind} {job.State}";

    public static Color StateColor(InstanceState state) => state switch
    {
        InstanceState.Active => Color.Green,
        InstanceState.Failed or InstanceState.NeedsAttention => Color.Red,
        InstanceState.Suspended or InstanceState.Archived => Color.Grey,
        _ => Color.Yellow,
    };
}
