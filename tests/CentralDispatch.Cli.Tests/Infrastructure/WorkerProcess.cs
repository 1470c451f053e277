using System.Diagnostics;
using System.Net.Http.Json;
using System.Text;
using CentralDispatch.Core.Contracts.Workers;
using CentralDispatch.Core.Domain;
using CentralDispatch.Core.Json;
using CentralDispatch.Testing;
using CentralDispatch.Testing.Hosting;
using CentralDispatch.Worker.Configuration;

namespace CentralDispatch.Cli.Tests.Infrastructure;

/// <summary>
/// A real worker: registered and initialised with the CLI (sandbox profile: its own Apache and MariaDB in a temp folder),
/// running as `dispatch worker run`. Stopped with SIGTERM on dispose, so it stops its sandbox servers.
/// </summary>
public sealed class WorkerProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output;
    private readonly DirectoryInfo _data;

    private WorkerProcess(string name, Process process, StringBuilder output, DirectoryInfo data, WorkerOptions options)
    {
        Name = name;
        _process = process;
        _output = output;
        _data = data;
        Options = options;
    }

    public string Name { get; }

    public WorkerOptions Options { get; }

    /// <summary>What the worker wrote so far, for a failing test's message.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public static async Task<WorkerProcess> StartAsync(CliUser user, DispatcherTestHost host)
    {
        var name = TestNames.Unique("w");
        var worker = await user.JsonAsync<WorkerEnrolmentResponse>("worker", "register", name, "--host-url", $"https://{name}.hosts.example");
        var data = Directory.CreateTempSubdirectory("cd-cliw-");
        // Made 0700; Apache's children (another user when the tests run as root) must traverse it to the webroots.
        File.SetUnixFileMode(data.FullName, Worker.Machine.Files.FileModes.Folder);
        var init = await user.RunAsync("worker", "init", "--profile", "sandbox", "--dispatcher", host.Url, "--token", worker.Token, "--data", data.FullName);
        Assert.True(init.ExitCode == 0, init.ToString());
        var config = Path.Combine(data.FullName, WorkerProfiles.SandboxConfigFileName);
        var output = new StringBuilder();
        var process = Process.Start(DispatchProcess.StartInfo(["worker", "run", "--config", config], user.Environment))!;
        process.StandardInput.Close();
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var running = new WorkerProcess(name, process, output, data, WorkerConfigFile.Load(config));
        await running.WaitOnlineAsync(host);
        return running;
    }

    /// <summary>The worker's data folder (its sandbox servers' files are under it).</summary>
    public string DataFolder => _data.FullName;

    /// <summary>SIGTERM, as systemd stops it: the worker finishes the step in flight and stops its sandbox Apache and MariaDB.</summary>
    public async Task<int> TerminateAsync()
    {
        await ProcessStop.TerminateAsync(_process, TimeSpan.FromSeconds(60));
        return _process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        await TerminateAsync();

        _process.Dispose();
        try
        {
            _data.Delete(recursive: true);
        }
        catch (IOException)
        {
            // Best effort: the temp folder is cleaned by the OS eventually.
        }
    }

    private static void Append(StringBuilder output, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
        }
    }

    private async Task WaitOnlineAsync(DispatcherTestHost host)
    {
        using var admin = host.Admin();
        for (var i = 0; i < 600; i++)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"dispatch worker run exited with {_process.ExitCode}:\n{Output}");
            }

            var worker = await admin.GetFromJsonAsync<WorkerResponse>($"api/v1/workers/{Name}", CoreJson.Options);
            if (worker?.State == WorkerState.Online)
            {
                return;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"worker {Name} did not come online within 60 s:\n{Output}");
    }
}
