using CentralDispatch.Worker.Provisioning.Deploy;

namespace CentralDispatch.Worker.Provisioning.Resources;

/// <summary>What is at a path, without following a link there: the existence question of the file-like resources.</summary>
public static class PathEntry
{
    /// <summary>Something is there: a file, a folder, anything else, or a link (even a dangling one).</summary>
    public static bool Exists(string path) => Path.Exists(path) || WebrootLink.IsLink(path);

    /// <summary>Removes the file at <paramref name="path"/>; gone already is fine.</summary>
    public static Task DeleteFileAsync(string path)
    {
        File.Delete(path);
        return Task.CompletedTask;
    }
}
