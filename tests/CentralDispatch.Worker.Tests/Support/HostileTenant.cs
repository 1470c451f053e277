namespace CentralDispatch.Worker.Tests.Support;

/// <summary>
/// Plays a compromised tenant while root works on its tree: on its own thread, as fast as it can, it swaps folders of
/// the tree for links to a canary folder outside it, files for links to canary files, for FIFOs and for links to
/// /dev/zero, and sometimes puts things back. Every operation may fail (the entry is gone, the worker got there
/// first); it goes on until stopped. <see cref="Canary"/> holds the files that must never be touched or read.
/// </summary>
public sealed class HostileTenant : IDisposable
{
    private readonly string _tree;
    private readonly CancellationTokenSource _stop = new();
    private readonly Thread _thread;
    private readonly Random _random;
    private int _swaps;

    /// <param name="tree">The tree to attack (its real path, or a path through the webroot link).</param>
    /// <param name="canary">A folder outside the tree.</param>
    /// <param name="seed">Makes each round attack differently but repeatably.</param>
    public HostileTenant(string tree, Canary canary, int seed)
    {
        _tree = tree;
        Canary = canary;
        _random = new Random(seed);
        _thread = new Thread(Run) { IsBackground = true, Name = "hostile tenant" };
    }

    public Canary Canary { get; }

    /// <summary>How many swaps succeeded: a race test that saw none proved nothing.</summary>
    public int Swaps => Volatile.Read(ref _swaps);

    public HostileTenant Start()
    {
        _thread.Start();
        return this;
    }

    /// <summary>Stops and waits for the thread.</summary>
    public void Stop()
    {
        _stop.Cancel();
        _thread.Join();
    }

    public void Dispose()
    {
        if (_thread.IsAlive)
        {
            Stop();
        }

        _stop.Dispose();
    }

    private void Run()
    {
        while (!_stop.IsCancellationRequested)
        {
            string[] entries;
            try
            {
                entries = Directory.GetFileSystemEntries(_tree, "*", new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true, AttributesToSkip = 0 });
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                entries = [];
            }

            if (entries.Length == 0)
            {
                Thread.Yield();
                continue;
            }

            for (var i = 0; i < 64 && !_stop.IsCancellationRequested; i++)
            {
                if (Attack(entries[_random.Next(entries.Length)]))
                {
                    Interlocked.Increment(ref _swaps);
                }
            }
        }
    }

    private bool Attack(string path)
    {
        try
        {
            if (ThroughOwnLink(path))
            {
                return false; // a stale path through a link this tenant made: it would hit the canary itself
            }

            var isFolder = Directory.Exists(path) && new FileInfo(path).LinkTarget is null;
            switch (_random.Next(isFolder ? 3 : 4))
            {
                case 0 when isFolder:
                    // The classic: a folder root is about to enter becomes a link to the canary folder.
                    Directory.Move(path, path + ".away");
                    File.CreateSymbolicLink(path, Canary.Folder);
                    return true;
                case 1 when isFolder:
                    File.CreateSymbolicLink(Path.Combine(path, $"to-canary-{_random.Next()}"), Canary.Folder);
                    return true;
                case 2 when isFolder:
                    File.CreateSymbolicLink(Path.Combine(path, $"secret-{_random.Next()}"), Canary.SecretFile);
                    return true;
                case 0:
                    File.Delete(path);
                    File.CreateSymbolicLink(path, Canary.SecretFile);
                    return true;
                case 1:
                    File.Delete(path);
                    return Fifo.Make(path) == 0;
                case 2:
                    File.Delete(path);
                    File.CreateSymbolicLink(path, "/dev/zero");
                    return true;
                default:
                    // Put a folder back where a link was (a later swap may take it again).
                    if (new FileInfo(path).LinkTarget is not null && Directory.Exists(path + ".away"))
                    {
                        File.Delete(path);
                        Directory.Move(path + ".away", path);
                        return true;
                    }

                    return false;
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>True when a folder on the way from the tree to <paramref name="path"/> is (now) a link.</summary>
    private bool ThroughOwnLink(string path)
    {
        var relative = Path.GetRelativePath(_tree, path).Split('/');
        var current = _tree;
        foreach (var part in relative[..^1])
        {
            current = Path.Combine(current, part);
            if (new FileInfo(current).LinkTarget is not null)
            {
                return true;
            }
        }

        return false;
    }

}
