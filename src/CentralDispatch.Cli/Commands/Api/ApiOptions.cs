using System.CommandLine;
using CentralDispatch.Cli.Client;
using CentralDispatch.Cli.Output;

namespace CentralDispatch.Cli.Commands.Api;

/// <summary>--url, --token and --output of every command that talks to the dispatcher, and the code that turns them into an <see cref="ApiSession"/>.</summary>
public sealed class ApiOptions
{
    public Option<string?> Url { get; } = new("--url")
    {
        Description = $"Dispatcher URL (default: ${CredentialResolver.UrlVariable}, then the URL saved by `dispatch login`).",
        HelpName = "URL",
    };

    public Option<string?> Token { get; } = new("--token")
    {
        Description = $"Admin API token (default: ${CredentialResolver.TokenVariable}, then the token saved by `dispatch login`).",
        HelpName = "TOKEN",
    };

    public Option<string> Output { get; } = OutputOption();

    /// <summary>Adds the options to <paramref name="command"/> and sets its action to run <paramref name="body"/> with a session.</summary>
    public static Command Attach(Command command, Func<ParseResult, ApiSession, Task<int>> body)
    {
        ArgumentNullException.ThrowIfNull(command);
        var options = new ApiOptions();
        command.Options.Add(options.Url);
        command.Options.Add(options.Token);
        command.Options.Add(options.Output);
        command.SetAction((result, cancellationToken) => CliErrors.Guard(async () =>
        {
            var console = new CliConsole(FormatOf(result.GetValue(options.Output)));
            var credentials = await CredentialResolver.FromProcess().ResolveAsync(result.GetValue(options.Url), result.GetValue(options.Token), cancellationToken);
            using var api = new DispatchApiClient(credentials);
            return await body(result, new ApiSession(api, console, TimeProvider.System, cancellationToken));
        }));
        return command;
    }

    public static OutputFormat FormatOf(string? value) => value == "json" ? OutputFormat.Json : OutputFormat.Table;

    private static Option<string> OutputOption()
    {
        var option = new Option<string>("--output", "-o")
        {
            Description = "table (for people) or json (the API's JSON on stdout and nothing else, for scripts).",
            DefaultValueFactory = _ => "table",
            HelpName = "table|json",
        };
        option.AcceptOnlyFromAmong("table", "json");
        return option;
    }
}
