using CentralDispatch.Worker.Machine.Files;

namespace CentralDispatch.Bench.Copy;

/// <summary>
/// A generated release tree shaped like a PHP application's: about one folder per 16 files, nested up to six deep,
/// mostly small files with a long tail of large ones, a few executables and relative links. Same seed, same tree.
/// </summary>
public sealed record SampleTree(int Folders, int Files, int Links, long Bytes)
{
    private const int MaxDepth = 6;
    private static readonly string[] Extensions = [".php", ".php", ".php", ".js", ".css", ".html", ".png", ".json", ".txt"];

    public static SampleTree Create(string root, int files, int seed)
    {
        var random = new Random(seed);
        var content = new byte[1024 * 1024];
        random.NextBytes(content);
        Directory.CreateDirectory(root, FileModes.Folder);

        var folders = new List<(string Path, int Depth)> { (root, 0) };
        for (var i = 1; i <= Math.Max(1, files / 16); i++)
        {
            var parent = folders[random.Next(folders.Count)];
            if (parent.Depth >= MaxDepth)
            {
                parent = folders[0];
            }

            var path = Path.Combine(parent.Path, $"d{i:D4}");
            Directory.CreateDirectory(path, FileModes.Folder);
            folders.Add((path, parent.Depth + 1));
        }

        long bytes = 0;
        var links = 0;
        for (var i = 1; i <= files; i++)
        {
            var folder = folders[random.Next(folders.Count)].Path;
            var name = $"f{i:D5}{Extensions[random.Next(Extensions.Length)]}";
            var size = Size(random);
            var path = Path.Combine(folder, name);
            using (var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 0))
            {
                stream.Write(content, random.Next(content.Length - size + 1), size);
            }

            File.SetUnixFileMode(path, random.Next(20) == 0 ? FileModes.Folder : FileModes.Readable);
            bytes += size;

            // A release's links point inside it (e.g. a current version's file); one link per 250 files.
            if (i % 250 == 0)
            {
                File.CreateSymbolicLink(Path.Combine(folder, $"link-{i:D5}"), name);
                links++;
            }
        }

        return new SampleTree(folders.Count - 1, files, links, bytes);
    }

    /// <summary>65 % up to 4 KiB, 28 % up to 32 KiB, 6.5 % up to 128 KiB, 0.5 % up to 1 MiB: about 15 KiB on average.</summary>
    private static int Size(Random random)
    {
        var bucket = random.Next(1000);
        return bucket switch
        {
            < 650 => random.Next(100, 4 * 1024),
            < 930 => random.Next(4 * 1024, 32 * 1024),
            < 995 => random.Next(32 * 1024, 128 * 1024),
            _ => random.Next(128 * 1024, 1024 * 1024),
        };
    }
}
