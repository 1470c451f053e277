using System.Text.RegularExpressions;
using CentralDispatch.Worker.Configuration;
using CentralDispatch.Worker.Machine;
using CentralDispatch.Worker.Machine.PhpFpm;
using CentralDispatch.Worker.Machine.Processes;
using Microsoft.Extensions.Logging.Abstractions;

namespace CentralDispatch.Cli.Commands.Workers.Checks;

/// <summary>
/// PHP-FPM: the program is installed and is the configured version, and its config test passes. The sandbox's private
/// master writes its php-fpm.conf when it starts, so when it is not running the check starts it (which runs the config
/// test) and stops it again; a running one is only config-tested. (The pool folder is among the path checks.)
/// </summary>
public sealed partial class PhpFpmCheck(IProcessRunner runner, TimeProvider time)
{
    [GeneratedRegex(@"^PHP (\d+\.\d+)\.", RegexOptions.CultureInvariant)]
    private static partial Regex VersionLine();

    public async Task<IReadOnlyList<CheckResult>> RunAsync(WorkerOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var php = options.PhpFpm;
        var installed = await InstalledAsync(php, cancellationToken);
        if (!installed.Passed)
        {
            return [installed];
        }

        return [installed, await ConfigTestAsync(php, cancellationToken)];
    }

    private async Task<CheckResult> InstalledAsync(PhpFpmOptions php, CancellationToken cancellationToken)
    {
        const string item = "PHP-FPM";
        if (!File.Exists(php.Binary))
        {
            return CheckResult.Fail(item, $"{php.Binary} is not installed; install it with `apt-get install php-fpm php-mysql` (Debian 12: PHP {PhpFpmVersions.Bookworm}) or set Worker:PhpFpm:Binary");
        }

        var result = await runner.RunAsync(ProcessRequest.Of(php.Binary, "-v") with { Timeout = php.CommandTimeout }, cancellationToken);
        var match = VersionLine().Match(result.StandardOutput.Trim());
        if (!result.Succeeded || !match.Success)
        {
            return CheckResult.Fail(item, $"`{php.Binary} -v` failed with code {result.ExitCode}: {result.StandardError.Trim()}");
        }

        var version = match.Groups[1].Value;
        return version == php.Version
            ? CheckResult.Pass(item, $"{php.Binary} is PHP {version}, as Worker:PhpFpm:Version says")
            : CheckResult.Fail(item, $"{php.Binary} is PHP {version} but Worker:PhpFpm:Version is {php.Version}; set one to match the other");
    }

    private async Task<CheckResult> ConfigTestAsync(PhpFpmOptions php, CancellationToken cancellationToken)
    {
        const string item = "PHP-FPM config test";
        if (php.PrivateServer is { Enabled: true, Folder: { } folder } && SandboxPhpFpmControl.RunningMaster(new SandboxPhpFpmLayout(folder)) is null)
        {
            await using var master = new SandboxPhpFpm(SandboxServers.SandboxPhpFpmSettings(php, folder), runner, time, NullLogger<SandboxPhpFpm>.Instance);
            try
            {
                await master.StartAsync(cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                return CheckResult.Fail(item, $"the sandbox PHP-FPM master in {folder} did not pass its config test and start: {e.Message}");
            }

            await master.StopAsync(cancellationToken);
            return CheckResult.Pass(item, "the sandbox PHP-FPM master passed its config test and started (started for the check and stopped again; `worker run` starts it)");
        }

        var command = string.Join(' ', php.ConfigTest);
        try
        {
            var test = await new CommandPhpFpmControl(php.ConfigTest, php.Reload, php.CommandTimeout, runner).TestConfigAsync(cancellationToken);
            return test.Passed ? CheckResult.Pass(item, $"`{command}` passed") : CheckResult.Fail(item, $"`{command}` failed: {test.Output}");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return CheckResult.Fail(item, $"`{command}` could not run: {e.Message}");
        }
    }
}
