using System.CommandLine;
using CentralDispatch.Worker.Configuration;
using Microsoft.Extensions.Options;

namespace CentralDispatch.Cli.Commands.Workers;

/// <summary>`dispatch worker init`: writes the worker's config file (0600) from a profile, creates its folders and installs the default templates.</summary>
public static class WorkerInitCommand
{
    public static Command Build()
    {
        var profile = new Option<string>("--profile") { Description = "debian (system Apache and MariaDB) or sandbox (everything under --data, private servers).", Required = true, HelpName = "debian|sandbox" };
        profile.AcceptOnlyFromAmong("debian", "sandbox");
        var dispatcher = new Option<string>("--dispatcher") { Description = "The dispatcher's URL as this host reaches it.", Required = true, HelpName = "URL" };
        var token = new EnrolmentTokenOptions();
        var data = new Option<string?>("--data") { Description = $"Sandbox: the folder everything lives in (default {DefaultSandboxFolder()}).", HelpName = "DIR" };
        var config = new Option<string?>("--config") { Description = $"Where to write the file (default: DATA/worker.json for sandbox, {WorkerProfiles.DebianConfigFile} for debian).", HelpName = "FILE" };
        var force = new Option<bool>("--force") { Description = "Replace an existing config file." };
        var insecure = new Option<bool>("--allow-insecure-http")
        {
            Description = "Allow a plain http:// dispatcher URL to another machine (Worker:Dispatcher:AllowInsecureHttp); the token and TLS keys then cross the network unencrypted.",
        };
        var command = new Command("init", "Write this host's worker configuration (0600) from a profile, create its folders and install the default templates.")
        {
            profile, dispatcher, data, config, force, insecure,
        };
        foreach (var option in token.All)
        {
            command.Options.Add(option);
        }

        command.SetAction((result, cancellationToken) => CliErrors.Guard(async () =>
        {
            var sandbox = result.GetValue(profile) == "sandbox";
            var dataFolder = result.GetValue(data);
            if (!sandbox && dataFolder is not null)
            {
                throw new CliException("--data applies to the sandbox profile only; the debian profile uses the system's folders.");
            }

            dataFolder = Path.GetFullPath(dataFolder ?? DefaultSandboxFolder());
            var url = result.GetValue(dispatcher)!.Trim();
            var secret = await token.ReadAsync(result, cancellationToken);
            var options = sandbox ? WorkerProfiles.Sandbox(dataFolder, url, secret) : WorkerProfiles.Debian(url, secret);
            options.Dispatcher.AllowInsecureHttp = result.GetValue(insecure);
            var validation = new WorkerOptionsValidator().Validate(Options.DefaultName, options);
            if (validation.Failed)
            {
                throw new CliException(string.Join("; ", validation.Failures.Select(OptionName)));
            }

            var path = Path.GetFullPath(result.GetValue(config) ?? WorkerConfigFile.DefaultPath(options.Profile, dataFolder));
            if (File.Exists(path) && !result.GetValue(force))
            {
                throw new CliException($"A worker configuration already exists at {path}; pass --force to replace it (its settings are lost), or edit it.");
            }

            // A sandbox is for trying things out: it starts with the sample release as its default release.
            var sample = Path.Combine(AppContext.BaseDirectory, "sample-release");
            var seed = sandbox && Directory.Exists(sample) ? sample : null;
            await WorkerInitializer.InitializeAsync(options, path, seed, cancellationToken);
            var check = path == WorkerProfiles.DebianConfigFile ? "dispatch worker check" : $"dispatch worker check --config {Output.ShellWords.Quote(path)}";
            await Console.Out.WriteLineAsync($"Wrote the worker configuration ({(sandbox ? "sandbox" : "debian")} profile) to {path} (mode 0600: it holds the token).");
            if (!Directory.Exists(options.Paths.DefaultReleaseFolder))
            {
                await Console.Out.WriteLineAsync($"Put the application's release tree in {options.Paths.DefaultReleaseFolder} (the release named 'default'); named releases go in {options.Paths.ReleasesFolder}/NAME.");
            }

            await Console.Out.WriteLineAsync($"Next: `{check}`, then start the agent with `dispatch worker run`.");
            return ExitCodes.Success;
        }));
        return command;
    }

    /// <summary>The sandbox's folder when --data is not given: "worker" in the dispatcher's default data folder.</summary>
    public static string DefaultSandboxFolder() => Path.Combine(CommonOptions.DefaultDataDirectory(), "worker");

    /// <summary>"Worker:Dispatcher:Url must be …" → "--dispatcher: Worker:Dispatcher:Url must be …", naming the flag that set the key.</summary>
    private static string OptionName(string failure) => failure switch
    {
        _ when failure.StartsWith("Worker:Dispatcher:Url", StringComparison.Ordinal) && failure.Contains("AllowInsecureHttp", StringComparison.Ordinal) =>
            $"--dispatcher: {failure} (--allow-insecure-http writes it)",
        _ when failure.StartsWith("Worker:Dispatcher:Url", StringComparison.Ordinal) => $"--dispatcher: {failure}",
        _ when failure.StartsWith("Worker:DataFolder", StringComparison.Ordinal) => $"--data: {failure}",
        _ => failure,
    };
}
