using CentralDispatch.Testing;

namespace CentralDispatch.EndToEnd.Tests.Infrastructure;

/// <summary>
/// The whole product as separate processes, started once per test class: `dispatch serve` (SQLite), an administrator
/// and token made with `dispatch admin create|token`, a worker registered through the API and configured with
/// `dispatch worker init --profile sandbox`, and its `dispatch worker run`. Everything lives under one folder in /tmp
/// (short, for MariaDB's socket path; 0755, so Apache's children can read the webroots) that is removed at the end.
/// </summary>
public sealed class EndToEndStack : IAsyncLifetime
{
    private const string AdminEmail = "e2e-admin@centraldispatch.example";
    private const string AdminPassword = "an end-to-end test password";

    public string Root { get; } = Path.Combine("/tmp", $"cd-e2e-{Guid.NewGuid().ToString("N")[..10]}");

    public DispatcherProcess Dispatcher { get; private set; } = null!;

    public DispatcherApi Api { get; private set; } = null!;

    public SandboxWorker Worker { get; private set; } = null!;

    /// <summary>Both processes' recent output, for failure messages.</summary>
    public string Diagnostics() => $"{Worker.Output}\n{Dispatcher.Output}";

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Root, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
                                        | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        var dispatcherData = Path.Combine(Root, "dispatcher");
        await Checked(DispatchProcess.RunAsync(["admin", "create", "--data", dispatcherData, "--email", AdminEmail, "--password-stdin"], AdminPassword));
        var token = (await Checked(DispatchProcess.RunAsync(["admin", "token", "--data", dispatcherData, "--email", AdminEmail, "--name", "e2e"]))).Stdout.Trim();
        Dispatcher = await DispatcherProcess.StartAsync(dispatcherData);
        Api = new DispatcherApi(Dispatcher.Address, token);
        Worker = await SandboxWorker.InitAsync(Dispatcher, Api, TestNames.Unique("e2e-host"), Path.Combine(Root, "worker"));
        Worker.Start();
        // Fully up before any test may stop it: a worker stopped in the middle of its first start (MariaDB's
        // install) would leave the next one a half-made sandbox to repair, which is not what these tests are about.
        await Worker.WaitUntilReadyAsync();
    }

    public async Task DisposeAsync()
    {
        if (Worker is not null)
        {
            await Worker.DisposeAsync();
        }

        if (Dispatcher is not null)
        {
            await Dispatcher.DisposeAsync();
        }

        Api?.Dispose();
        // A cleanly stopped worker stops its servers; any still running are a defect worth failing the class for.
        var strays = StrayServers.Under(Root);
        await StrayServers.StopAllUnderAsync(Root);
        if (Directory.Exists(Root))
        {
            Directory.Delete(Root, recursive: true);
        }

        if (strays.Count > 0)
        {
            throw new InvalidOperationException($"Apache/MariaDB processes {string.Join(", ", strays)} of {Root} outlived the worker's clean stop.");
        }
    }

    private static async Task<CliResult> Checked(Task<CliResult> run)
    {
        var result = await run;
        return result.ExitCode == 0 ? result : throw new InvalidOperationException($"dispatch failed: {result}");
    }
}
