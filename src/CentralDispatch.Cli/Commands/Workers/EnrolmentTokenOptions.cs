using System.CommandLine;

namespace CentralDispatch.Cli.Commands.Workers;

/// <summary>
/// Where `worker init` takes the enrolment token from: a file, standard input, or (discouraged) the command line, where
/// every user sees it in `ps` and the shell keeps it in its history. Exactly one of them.
/// </summary>
public sealed class EnrolmentTokenOptions
{
    public const string Sources = "--token-file FILE, --token-stdin or --token";

    public Option<string?> Token { get; } = new("--token")
    {
        Description = "The enrolment token itself. Discouraged: other users see it in `ps` and the shell keeps it in its history; use --token-file or --token-stdin.",
        HelpName = "TOKEN",
    };

    public Option<bool> Stdin { get; } = new("--token-stdin")
    {
        Description = "Read the enrolment token from the first line of standard input (asked for on a terminal: paste it).",
    };

    public Option<string?> File { get; } = new("--token-file")
    {
        Description = "Read the enrolment token from FILE (only the token, one line).",
        HelpName = "FILE",
    };

    public IEnumerable<Option> All => [Token, Stdin, File];

    /// <summary>The token from the one source given; a CLI error when none, several, or an empty one was given.</summary>
    public async Task<string> ReadAsync(ParseResult result, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(result);
        var file = result.GetValue(File);
        var fromStdin = result.GetValue(Stdin);
        var given = result.GetValue(Token);
        var count = (file is null ? 0 : 1) + (fromStdin ? 1 : 0) + (given is null ? 0 : 1);
        if (count != 1)
        {
            throw new CliException($"give the enrolment token from `dispatch worker register` with exactly one of {Sources} ({(count == 0 ? "none" : count)} given).");
        }

        var (option, token) = file is not null ? ("--token-file", await FromFileAsync(file, cancellationToken))
            : fromStdin ? ("--token-stdin", await FromStdinAsync(cancellationToken))
            : ("--token", given!);
        token = token.Trim();
        if (token.Length == 0)
        {
            throw new CliException($"{option}: the enrolment token is empty; give the token `dispatch worker register` printed.");
        }

        if (token.Any(char.IsWhiteSpace))
        {
            throw new CliException($"{option}: the enrolment token must be one word without spaces or line breaks; give only the token `dispatch worker register` printed.");
        }

        return token;
    }

    private static async Task<string> FromFileAsync(string path, CancellationToken cancellationToken)
    {
        try
        {
            return await System.IO.File.ReadAllTextAsync(path, cancellationToken);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CliException($"--token-file: cannot read {path}: {e.Message}");
        }
    }

    private static async Task<string> FromStdinAsync(CancellationToken cancellationToken)
    {
        if (!Console.IsInputRedirected)
        {
            await Console.Error.WriteAsync("Paste the enrolment token and press Enter: ");
        }

        return await Console.In.ReadLineAsync(cancellationToken) ?? string.Empty;
    }
}
