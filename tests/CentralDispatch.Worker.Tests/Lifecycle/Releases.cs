using CentralDispatch.Worker.Provisioning.Deploy;
using CentralDispatch.Worker.Tests.Deploy;

namespace CentralDispatch.Worker.Tests.Lifecycle;

/// <summary>Release folders made for a test in the worker's releases folder.</summary>
public static class Releases
{
    /// <summary>A release whose index page says its name.</summary>
    public static string Create(SandboxWorkerFixture worker, string prefix)
    {
        var name = $"{prefix}-{Guid.NewGuid():N}"[..24];
        var folder = Path.Combine(worker.Options.Paths.ReleasesFolder, name);
        Directory.CreateDirectory(Path.Combine(folder, "assets"));
        File.WriteAllText(Path.Combine(folder, "index.html"), $"<h1>release {name}</h1>");
        File.WriteAllText(Path.Combine(folder, "assets", "app.js"), $"// {name}");
        return name;
    }

    /// <summary>A manifest whose health check gives up after two seconds: a failing check ends the test soon.</summary>
    public const string ImpatientManifest = """{ "healthCheck": { "patienceSeconds": 2 } }""";

    /// <summary>A release without an index page: Apache answers 403 for it, so its health check never passes (and gives up after two seconds).</summary>
    public static string CreateBroken(SandboxWorkerFixture worker)
    {
        var name = Create(worker, "broken");
        File.Delete(Path.Combine(worker.Options.Paths.ReleasesFolder, name, "index.html"));
        WriteFile(worker, name, ReleaseManifest.FileName, ImpatientManifest);
        return name;
    }

    /// <summary>Writes a file of a release made by <see cref="Create"/>, e.g. its manifest <see cref="ReleaseManifest.FileName"/>.</summary>
    public static void WriteFile(SandboxWorkerFixture worker, string release, string relative, string content) =>
        File.WriteAllText(Path.Combine(worker.Options.Paths.ReleasesFolder, release, relative), content);
}
