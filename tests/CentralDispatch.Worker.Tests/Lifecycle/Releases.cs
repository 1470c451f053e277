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

    /// <summary>A release without an index page: Apache answers 403 for it, so its health check never passes.</summary>
    public static string CreateBroken(SandboxWorkerFixture worker)
    {
        var name = Create(worker, "broken");
        File.Delete(Path.Combine(worker.Options.Paths.ReleasesFolder, name, "index.html"));
        return name;
    }
}
