using System.Globalization;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace CentralDispatch.Cli.Output;

/// <summary>Table cells and formats shared by the tables; text from the API is never parsed as Spectre markup.</summary>
public static class Cells
{
    public static IRenderable Text(string? value) => new Text(value ?? string.Empty);

    public static IRenderable Text(string? value, Color color) => new Text(value ?? string.Empty, new Style(color));

    public static Table Table(params string[] headers)
    {
        var table = new Table().Border(TableBorder.Simple);
        foreach (var header in headers)
        {
            table.AddColumn(new TableColumn(new Text(header, new Style(decoration: Decoration.Bold))));
        }

        return table;
    }

    /// <summary>Two columns, field and value, for showing one resource.</summary>
    public static Grid Fields(IEnumerable<(string Field, string? Value)> rows)
    {
        var grid = new Grid().AddColumn(new GridColumn().NoWrap().PadRight(2)).AddColumn();
        foreach (var (field, value) in rows.Where(r => !string.IsNullOrEmpty(r.Value)))
        {
            grid.AddRow(new Text(field, new Style(decoration: Decoration.Bold)), new Text(value!));
        }

        return grid;
    }

    public static string Time(DateTimeOffset? at) => at?.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture) ?? string.Empty;

    public static string Duration(double? milliseconds) => milliseconds switch
    {
        null => string.Empty,
        < 1000 => $"{milliseconds.Value.ToString("0", CultureInfo.InvariantCulture)} ms",
        < 120_000 => $"{(milliseconds.Value / 1000).ToString("0.0", CultureInfo.InvariantCulture)} s",
        _ => $"{(milliseconds.Value / 60_000).ToString("0.0", CultureInfo.InvariantCulture)} min",
    };

    public static string Duration(DateTimeOffset? from, DateTimeOffset? to) =>
        from is { } start && to is { } end ? Duration((end - start).TotalMilliseconds) : string.Empty;
}
