using System.Globalization;

namespace CentralDispatch.Bench.Redeploy;

/// <summary>Small application trees (an index page and a few dozen assets) in the worker's releases folder.</summary>
public static class BenchReleases
{
    public const int AssetCount = 40;

    public static void Write(string releasesFolder, string name)
    {
        var folder = Path.Combine(releasesFolder, name);
        Directory.CreateDirectory(Path.Combine(folder, "assets"));
        File.WriteAllText(Path.Combine(folder, "index.html"), $"<!doctype html><title>bench</title><h1>release {name}</h1>");
        for (var i = 0; i < AssetCount; i++)
        {
            File.WriteAllText(Path.Combine(folder, "assets", $"part-{i.ToString("D2", CultureInfo.InvariantCulture)}.js"),
                $"// {name} part {i}\n" + new string('x', 4096));
        }
    }
}
