using CentralDispatch.Worker.Machine.Files;

namespace CentralDispatch.Worker.Tests.Support;

/// <summary>A fresh folder under /tmp, traversable by Apache's children (0755), removed at the end of the test.</summary>
public sealed class TestFolder : IDisposable
{
    public TestFolder(string prefix = "cd")
    {
        // Short on purpose: a unix socket path inside it must stay under 108 bytes.
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
