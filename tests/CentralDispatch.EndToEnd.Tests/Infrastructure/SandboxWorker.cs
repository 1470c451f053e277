using CentralDispatch.Worker.Configuration;
using CentralDispatch.Worker.Provisioning.Engine;

namespace CentralDispatch.EndToEnd.Tests.Infrastructure;

/// <summary>
/// One worker host: registered through the API, configured with `dispatch worker init --profile sandbox` (its own
/// Apache and MariaDB under <see cref="DataFolder"/>, the sample release as default release), and run as
/// `dispatch worker run` child processes that the tests start, stop cleanly, or kill.
/// </summary>
public sealed class SandboxWorker : IAsyncDisposable
{
    /// <summary>A clean stop lets the step in flight finish and stops Apache and MariaDB; far more than they need.</summary>
    private static readonly TimeSpan StopGrace = TimeSpan.FromSeconds(90);

    private ChildProcess? _process;

    private SandboxWorker(string name, string dataFolder, WorkerOptions options)
    {
        Name = name;
        DataFolder = dataFolder;
        Options = options;
    }

    public string Name { get; }

    public string DataFolder { get; }

    public string ConfigFile => Path.Combine(DataFolder, WorkerProfiles.SandboxConfigFileName);

    public WorkerOptions Options { get; }

    /// <summary>The running `dispatch worker run`, if any.</summary>
    public ChildProcess? Process => _process;

    /// <summary>What the current (or last) worker process printed, for failure messages.</summary>
    public string Output => _process?.Output ?? "(no worker process started)";

    public static async Task<SandboxWorker> InitAsync(DispatcherProcess dispatcher, DispatcherApi api, string name, string dataFolder)
    {
        var enrolment = await api.RegisterWorkerAsync(name);
        var init = await DispatchProcess.RunAsync(["worker", "init", "--profile", "sandbox", "--data", dataFolder,
            "--dispatcher", dispatcher.Url, "--token", enrolment.Token]);
        if (init.ExitCode != 0)
        {
            throw new InvalidOperationException($"dispatch worker init failed: {init}");
        }

        // Edited as an operator may: Apache ports that no other sandbox of this test run can have (see SandboxPorts).
        var config = Path.Combine(dataFolder, WorkerProfiles.SandboxConfigFileName);
        var options = WorkerConfigFile.Load(config);
        options.WebServer.HttpPort = SandboxPorts.Next();
        options.WebServer.HttpsPort = SandboxPorts.Next();
        await WorkerConfigFile.WriteAsync(config, options, CancellationToken.None);
        return new SandboxWorker(name, dataFolder, WorkerConfigFile.Load(config));
    }

    /// <summary>Starts `dispatch worker run`; with <paramref name="faultKill"/> (e.g. "after:Webroot") it kills itself there.</summary>
    public void Start(string? faultKill = null)
    {
        if (_process is { HasExited: false })
        {
            throw new InvalidOperationException("The worker is already running; stop or kill it first.");
        }

        var info = WorkerRun(["--config", ConfigFile]);
        if (faultKill is not null)
        {
            info.Environment[FaultInjection.Variable] = faultKill;
        }

        _process = ChildProcess.Start(info,
            faultKill is null ? "dispatch worker run" : $"dispatch worker run ({FaultInjection.Variable}={faultKill})");
    }

    /// <summary>Starts the worker unless it runs already.</summary>
    public void EnsureRunning()
    {
        if (_process is not { HasExited: false })
        {
            Start();
        }
    }

    /// <summary>SIGTERM: the worker finishes the step in flight and stops its Apache and MariaDB.</summary>
    public async Task StopAsync()
    {
        if (_process is not null)
        {
            await _process.StopAsync(StopGrace);
        }
    }

    /// <summary>SIGKILL to the worker only: its Apache and MariaDB keep running, as after kill -9 or a crash.</summary>
    public async Task KillAsync()
    {
        if (_process is not null)
        {
            await _process.KillAsync();
        }
    }

    /// <summary>
    /// Waits (bounded) until the worker's MariaDB takes a login and its Apache accepts connections: a worker process
    /// just started needs a few seconds for them, and a test that talks to them directly must not race it.
    /// </summary>
    public async Task WaitUntilReadyAsync()
    {
        for (var i = 0; i < 600; i++)
        {
            if (_process is { HasExited: true })
            {
                throw new InvalidOperationException($"The worker exited with {_process.ExitCode}.\n{Output}");
            }

            if (await DatabaseAnswersAsync() && await WebServerAcceptsAsync())
            {
                return;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"The sandbox servers of {Name} did not come up.\n{Output}");
    }

    /// <summary>`dispatch worker run --once`: runs what is queued for this worker, then exits.</summary>
    public Task<CliResult> RunOnceAsync() => DispatchProcess.RunAsync(WorkerRun(["--once", "--config", ConfigFile]), timeout: TimeSpan.FromMinutes(5));

    /// <summary>
    /// `dispatch worker run ARGS`, never armed by a crash switch left in the test runner's environment, with its log
    /// (kept for failure messages) timed and without a line for every HTTP request.
    /// </summary>
    private static System.Diagnostics.ProcessStartInfo WorkerRun(IEnumerable<string> args)
    {
        var info = DispatchProcess.StartInfo(["worker", "run", .. args], new Dictionary<string, string>
        {
            ["Logging__Console__TimestampFormat"] = "HH:mm:ss.fff ",
            ["Logging__LogLevel__System.Net.Http.HttpClient"] = "Warning",
        });
        info.Environment.Remove(FaultInjection.Variable);
        return info;
    }

    private async Task<bool> DatabaseAnswersAsync()
    {
        if (!File.Exists(Options.Database.SocketPath))
        {
            return false;
        }

        try
        {
            await HostScan.SqlAsync(this, "SELECT 1");
            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    private async Task<bool> WebServerAcceptsAsync()
    {
        using var client = new System.Net.Sockets.TcpClient();
        try
        {
            await client.ConnectAsync(System.Net.IPAddress.Loopback, Options.WebServer.HttpsPort);
            return true;
        }
        catch (System.Net.Sockets.SocketException)
        {
            return false;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is not null)
        {
            await _process.DisposeAsync();
        }
    }
}
