using System.CommandLine;
using CentralDispatch.Cli.Client;
using CentralDispatch.Core.Contracts.Workers;

namespace CentralDispatch.Cli.Commands.Login;

/// <summary>`dispatch login`: checks an admin API token against the dispatcher, then saves URL and token for later commands.</summary>
public static class LoginCommand
{
    public static Command Build()
    {
        var url = new Option<string>("--url") { Description = "The dispatcher's URL, e.g. https://dispatch.example.com.", Required = true, HelpName = "URL" };
        var token = new Option<string?>("--token") { Description = "An admin API token (from `dispatch admin token`).", HelpName = "TOKEN" };
        var tokenStdin = new Option<bool>("--token-stdin") { Description = "Read the token from standard input, so it stays out of the shell history." };
        var command = new Command("login", "Check an admin API token against the dispatcher and save URL and token for the other commands (0600).")
        {
            url, token, tokenStdin,
        };
        command.SetAction((result, cancellationToken) => CliErrors.Guard(async () =>
        {
            var secret = result.GetValue(tokenStdin)
                ? (await Console.In.ReadToEndAsync(cancellationToken)).Trim()
                : result.GetValue(token)?.Trim();
            if (string.IsNullOrEmpty(secret))
            {
                throw new CliException("--token: give the admin API token with --token TOKEN or --token-stdin (create one with `dispatch admin token`).");
            }

            var resolver = CredentialResolver.FromProcess();
            var credentials = new ApiCredentials(CredentialResolver.ParseUrl(result.GetValue(url)!), secret, "flags");
            using (var api = new DispatchApiClient(credentials))
            {
                // Listing workers needs an admin token: a worker's token or a revoked one is refused here, before anything is saved.
                await api.GetAsync<List<WorkerResponse>>("api/v1/workers", cancellationToken);
            }

            var path = resolver.ConfigPath;
            await CliConfigFile.WriteAsync(path, new CliConfig(credentials.Url.ToString(), secret), cancellationToken);
            await Console.Out.WriteLineAsync($"Logged in to {credentials.Url}; saved to {path} (readable only by you).");
            return ExitCodes.Success;
        }));
        return command;
    }
}
