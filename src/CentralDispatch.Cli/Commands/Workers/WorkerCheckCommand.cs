using System.CommandLine;
using CentralDispatch.Cli.Commands.Workers.Checks;
using CentralDispatch.Worker.Configuration;
using CentralDispatch.Worker.Machine.Processes;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CentralDispatch.Cli.Commands.Workers;

/// <summary>`dispatch worker check`: tests every item of the worker's configuration on this host; one pass/fail line each.</summary>
public static class WorkerCheckCommand
{
    public static Command Build()
    {
        var config = WorkerConfigOption.Create();
        var command = new Command("check", "Test the worker's configuration on this host: paths, templates, dispatcher and token, database login, web server and PHP-FPM config; one pass/fail line each.")
        {
            config,
        };
        command.SetAction((result, cancellationToken) => CliErrors.Guard(async () =>
        {
            var path = Path.GetFullPath(result.GetValue(config)!);
            var failed = 0;
            async Task Report(CheckResult? check)
            {
                if (check is null)
                {
                    return;
                }

                failed += check.Passed ? 0 : 1;
                await Console.Out.WriteLineAsync(check.Line);
            }

            WorkerOptions options;
            try
            {
                options = WorkerConfigFile.Load(path);
                await Report(CheckResult.Pass("configuration", $"{path} is valid ({options.Profile.ToString().ToLowerInvariant()} profile)"));
            }
            catch (OptionsValidationException e)
            {
                foreach (var failure in e.Failures)
                {
                    await Report(CheckResult.Fail("configuration", $"{path}: {failure}"));
                }

                return Summary(failed, stopped: true);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException)
            {
                await Report(CheckResult.Fail("configuration", e.Message));
                return Summary(failed, stopped: true);
            }

            var runner = new ProcessRunner(TimeProvider.System, NullLogger<ProcessRunner>.Instance);
            foreach (var check in PathChecks.Run(options))
            {
                await Report(check);
            }

            foreach (var check in await TemplateChecks.RunAsync(options, cancellationToken))
            {
                await Report(check);
            }

            await Report(await new WebServerAccessCheck(runner).RunAsync(options, cancellationToken));
            await Report(await new CronCheck(runner).RunAsync(options, cancellationToken));
            await Report(await DispatcherCheck.RunAsync(options, cancellationToken));
            await Report(await new DatabaseCheck(runner, TimeProvider.System).RunAsync(options, cancellationToken));
            await Report(await new WebServerCheck(runner, TimeProvider.System).RunAsync(options, cancellationToken));
            foreach (var check in await new PhpFpmCheck(runner, TimeProvider.System).RunAsync(options, cancellationToken))
            {
                await Report(check);
            }
            return Summary(failed, stopped: false);
        }));
        return command;
    }

    private static int Summary(int failed, bool stopped)
    {
        if (failed == 0)
        {
            Console.Out.WriteLine("All checks passed.");
            return ExitCodes.Success;
        }

        Console.Error.WriteLine(stopped
            ? "error: the configuration could not be loaded, so nothing else was checked; fix what the lines above name."
            : $"error: {failed} check(s) failed; see the [FAIL] lines above.");
        return ExitCodes.Refused;
    }
}
