using System.Collections.Concurrent;
using System.Diagnostics;

namespace CentralDispatch.Testing.Postgres;

/// <summary>
/// The running postmaster. It is started from a thread of its own that lives exactly as long as the server:
/// setpriv's parent-death signal (SIGINT, PostgreSQL's fast shutdown) is tied to the thread that started the
/// process, and it fires when that thread ends, including when the test process is killed. So an aborted test run
/// leaves no PostgreSQL behind.
/// </summary>
internal sealed class PostmasterProcess : IDisposable
{
    private const int KeptLines = 100;
    private readonly ConcurrentQueue<string> _output = new();
    private readonly ManualResetEventSlim _release = new();
    private Process? _process;
    private Thread? _parent;

    private PostmasterProcess()
    {
    }

    public int Id => Process.Id;

    public bool HasExited => Process.HasExited;

    /// <summary>The last lines the server printed, for error messages when it does not come up.</summary>
    public string RecentOutput => string.Join('\n', _output);

    private Process Process => _process ?? throw new InvalidOperationException("The postmaster was not started.");

    public static PostmasterProcess Start(ProcessStartInfo startInfo)
    {
        var postmaster = new PostmasterProcess();
        Exception? failure = null;
        using var started = new ManualResetEventSlim();
        postmaster._parent = new Thread(() =>
        {
            try
            {
                postmaster._process = postmaster.Launch(startInfo);
            }
            catch (Exception e) when (e is InvalidOperationException or System.ComponentModel.Win32Exception)
            {
                failure = e;
            }
            finally
            {
                started.Set();
            }

            postmaster._release.Wait();
        })
        {
            IsBackground = true,
            Name = "postmaster parent",
        };
        postmaster._parent.Start();
        started.Wait();
        if (failure is not null)
        {
            postmaster.Dispose();
            throw new InvalidOperationException($"Could not start PostgreSQL: {failure.Message}", failure);
        }

        return postmaster;
    }

    public Task WaitForExitAsync(CancellationToken cancellationToken) => Process.WaitForExitAsync(cancellationToken);

    public void Kill()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill();
        }
    }

    /// <summary>Ends the parent thread; a postmaster still running then gets SIGINT from the kernel.</summary>
    public void Dispose()
    {
        _release.Set();
        _parent?.Join();
        _process?.Dispose();
        _release.Dispose();
    }

    private Process Launch(ProcessStartInfo startInfo)
    {
        var process = Process.Start(startInfo) ?? throw new InvalidOperationException("Process.Start returned no process.");
        process.StandardInput.Close();
        process.OutputDataReceived += (_, e) => Keep(e.Data);
        process.ErrorDataReceived += (_, e) => Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        _output.Enqueue(line);
        while (_output.Count > KeptLines)
        {
            _output.TryDequeue(out _);
        }
    }
}
