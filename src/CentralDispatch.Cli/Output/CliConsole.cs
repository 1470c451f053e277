using Spectre.Console;
using Spectre.Console.Rendering;

namespace CentralDispatch.Cli.Output;

/// <summary>
/// Standard output (Spectre.Console, so tables adapt to a terminal or a pipe), standard error and standard input of one
/// command run. With --output json nothing but JSON goes to standard output; progress and notes go to standard error.
/// </summary>
public sealed class CliConsole
{
    /// <summary>Lines printed to a pipe are not wrapped at 80 columns: scripts and logs read them whole.</summary>
    private const int PipeWidth = 240;

    public CliConsole(OutputFormat format)
    {
        Format = format;
        IsOutputTerminal = !Console.IsOutputRedirected;
        IsInputTerminal = !Console.IsInputRedirected;
        Out = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(Console.Out),
            Ansi = IsOutputTerminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = IsOutputTerminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = IsOutputTerminal ? InteractionSupport.Detect : InteractionSupport.No,
        });
        if (!IsOutputTerminal)
        {
            Out.Profile.Width = PipeWidth;
        }
    }

    public OutputFormat Format { get; }

    public bool IsJson => Format == OutputFormat.Json;

    public bool IsOutputTerminal { get; }

    public bool IsInputTerminal { get; }

    /// <summary>Standard output for tables and human text.</summary>
    public IAnsiConsole Out { get; }

    /// <summary>Prints a table or grid for people, ending with a line break (a grid's last row has none of its own).</summary>
    public void Render(IRenderable renderable)
    {
        Out.Write(renderable);
        Out.WriteLine();
    }

    /// <summary>Prints the API's JSON exactly as it came, one document per line.</summary>
    public Task JsonAsync(string json) => Console.Out.WriteLineAsync(json.Trim());

    /// <summary>The API's JSON with --output json; otherwise what <paramref name="render"/> makes of the value.</summary>
    public async Task ShowAsync<T>(Client.ApiResult<T> result, Func<T, IRenderable> render)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(render);
        if (IsJson)
        {
            await JsonAsync(result.Json);
        }
        else
        {
            Render(render(result.Value));
        }
    }

    /// <summary>The API's JSON with --output json; otherwise the line <paramref name="note"/> makes of the value.</summary>
    public Task ShowAsync<T>(Client.ApiResult<T> result, Func<T, string> note)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(note);
        return IsJson ? JsonAsync(result.Json) : NoteAsync(note(result.Value));
    }

    /// <summary>A plain line for people: standard output normally, standard error when standard output is reserved for JSON.</summary>
    public Task NoteAsync(string line) => (IsJson ? Console.Error : Console.Out).WriteLineAsync(line);

    /// <summary>Asks a yes/no question on the terminal; false unless the answer starts with y.</summary>
    public async Task<bool> ConfirmAsync(string question, CancellationToken cancellationToken)
    {
        await Console.Error.WriteAsync($"{question} [y/N] ");
        var answer = await Console.In.ReadLineAsync(cancellationToken);
        return answer?.TrimStart().StartsWith("y", StringComparison.OrdinalIgnoreCase) == true;
    }
}
