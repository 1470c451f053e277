using CentralDispatch.Worker.Machine.Files.Native;

namespace CentralDispatch.Worker.Machine.Files;

/// <summary>
/// The POSIX calls .NET does not expose, by path, for folders a tenant cannot write: fsync of a directory, a plain
/// rename(2) (File.Move refuses a link to a folder as its source), and the group of a file.
/// </summary>
internal static class NativeFileSystem
{
    /// <summary>Makes a rename or create inside <paramref name="directory"/> durable (a file's own fsync does not cover its name).</summary>
    public static void FlushDirectory(string directory)
    {
        using var folder = DirectoryHandle.Open(directory);
        folder.Flush();
    }

    /// <summary>rename(2): atomically replaces <paramref name="destination"/> (a file or link, never followed) with <paramref name="source"/>.</summary>
    public static void Rename(string source, string destination)
    {
        if (Libc.Rename(Libc.PathBytes(source), Libc.PathBytes(destination)) != 0)
        {
            throw Libc.Failure($"Renaming to '{destination}' of", source, Libc.LastError);
        }
    }
}
