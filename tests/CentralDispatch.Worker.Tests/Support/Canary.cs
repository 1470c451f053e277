namespace CentralDispatch.Worker.Tests.Support;

/// <summary>
/// A folder outside every tree under test, full of files that carry a unique marker: after a race, every file must be
/// there as it was (content, mode, owner), and the marker must appear in no archive, copy or restore.
/// </summary>
public sealed class Canary : IDisposable
{
    private readonly TestFolder _folder = new("cd-canary");
    private readonly Dictionary<string, (string Content, UnixFileMode Mode, string Owner)> _files = new(StringComparer.Ordinal);

    public Canary(int files = 40)
    {
        Marker = $"CANARY-{Guid.NewGuid():N}";
        Directory.CreateDirectory(Folder);
        Directory.CreateDirectory(Path.Combine(Folder, "nested", "deeper"));
        for (var i = 0; i < files; i++)
        {
            var path = Path.Combine(Folder, i % 3 == 0 ? Path.Combine("nested", "deeper") : i % 3 == 1 ? "nested" : "", $"file-{i}.txt");
            File.WriteAllText(path, $"{Marker} {i}\n");
        }

        File.WriteAllText(SecretFile, $"{Marker} root's secret\n");
        File.SetUnixFileMode(SecretFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        foreach (var path in Directory.EnumerateFiles(Folder, "*", SearchOption.AllDirectories))
        {
            _files[path] = Describe(path);
        }
    }

    public string Folder => _folder.Combine("canary");

    /// <summary>A 0600 file: what /etc/shadow is to a real host.</summary>
    public string SecretFile => Path.Combine(Folder, "shadow");

    /// <summary>The text every canary file holds.</summary>
    public string Marker { get; }

    /// <summary>Fails the test unless every canary file is there, unchanged, and nothing was added or removed.</summary>
    public void AssertUntouched()
    {
        var now = Directory.EnumerateFiles(Folder, "*", SearchOption.AllDirectories).ToHashSet(StringComparer.Ordinal);
        Assert.Equal(_files.Keys.Order(StringComparer.Ordinal), now.Order(StringComparer.Ordinal));
        foreach (var (path, before) in _files)
        {
            Assert.Equal(before, Describe(path));
        }
    }

    public void Dispose() => _folder.Dispose();

    private static (string Content, UnixFileMode Mode, string Owner) Describe(string path)
    {
        var info = new FileInfo(path);
        return (File.ReadAllText(path), info.UnixFileMode, OwnerOf(path));
    }

    private static string OwnerOf(string path)
    {
        var status = CentralDispatch.Worker.Machine.Files.Native.DirectoryHandle.Open(Path.GetDirectoryName(path)!);
        using (status)
        {
            var entry = status.StatusOf(CentralDispatch.Worker.Machine.Files.Native.FileName.Of(Path.GetFileName(path)))!;
            return $"{entry.Owner}:{entry.Group}";
        }
    }
}
