using CentralDispatch.Testing;

namespace CentralDispatch.Worker.Tests.Provisioning;

/// <summary>A unique folder under the temp directory, removed at the end of the test.</summary>
public sealed class TempFolder : IDisposable
{
    public TempFolder()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), TestNames.Unique("journal"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public void Dispose()
    {
        if (Directory.Exists(Path))
        {
            Directory.Delete(Path, recursive: true);
        }
    }
}
