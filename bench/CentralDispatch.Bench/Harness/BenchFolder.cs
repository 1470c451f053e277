using CentralDispatch.Worker.Machine.Files;

namespace CentralDispatch.Bench.Harness;

/// <summary>
/// A fresh folder under /tmp, traversable by Apache's children (0755), removed on dispose. The name is short because a
/// unix socket path inside it (the sandbox MariaDB's) must stay under 108 bytes.
/// </summary>
public sealed class BenchFolder : IDisposable
{
    public BenchFolder(string prefix)
    {
        Path = System.IO.Path.Combine("/tmp", $"{prefix}-{Guid.NewGuid().ToString("N")[..10]}");
        Directory.CreateDirectory(Path, FileModes.Folder);
        File.SetUnixFileMode(Path, FileModes.Folder);
    }

    public string Path { get; }

    public string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    public void Dispose()
    {
        if (Directory.Exists(Path))
        {
            Directory.Delete(Path, recursive: true);
        }
    }
}
