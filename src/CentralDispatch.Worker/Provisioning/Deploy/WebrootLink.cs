using CentralDispatch.Worker.Machine.Files;

namespace CentralDispatch.Worker.Provisioning.Deploy;

/// <summary>The webroot link: pointed at a release tree with one rename(2), so every request sees the old tree or the new, never none.</summary>
public static class WebrootLink
{
    /// <summary>Points <paramref name="link"/> at <paramref name="tree"/>, replacing whatever link is there atomically.</summary>
    public static void PointAt(string link, string tree)
    {
        var folder = Path.GetDirectoryName(link)!;
        var temporary = Path.Combine(folder, $".{Path.GetFileName(link)}.{Guid.NewGuid():N}.link");
        File.CreateSymbolicLink(temporary, tree);
        try
        {
            NativeFileSystem.Rename(temporary, link);
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }

        NativeFileSystem.FlushDirectory(folder);
    }

    /// <summary>True when <paramref name="path"/> is a symbolic link (dangling or not).</summary>
    public static bool IsLink(string path) => new FileInfo(path).LinkTarget is not null;

    /// <summary>Removes the link if it is one; a folder or file someone put there is not ours and stays.</summary>
    public static void Remove(string path)
    {
        if (IsLink(path))
        {
            File.Delete(path);
        }
    }
}
