namespace CentralDispatch.Worker.Host.Files;

/// <summary>Lists a tree without following links, and refuses what a copy could not reproduce safely.</summary>
internal static class TreeScanner
{
    /// <summary>Directories come before their contents, so creating them in list order always works.</summary>
    public static List<TreeEntry> Scan(string root, CancellationToken cancellationToken)
    {
        var entries = new List<TreeEntry>();
        var pending = new Stack<DirectoryInfo>();
        pending.Push(new DirectoryInfo(root));
        while (pending.TryPop(out var directory))
        {
            cancellationToken.ThrowIfCancellationRequested();
            foreach (var info in directory.EnumerateFileSystemInfos("*", new EnumerationOptions { AttributesToSkip = 0, IgnoreInaccessible = false }))
            {
                var relative = Path.GetRelativePath(root, info.FullName);
                if (info.LinkTarget is { } target)
                {
                    entries.Add(new TreeEntry(relative, TreeEntryKind.SymbolicLink, default, 0, CheckLink(root, info.FullName, relative, target)));
                }
                else if (info is DirectoryInfo subdirectory)
                {
                    entries.Add(new TreeEntry(relative, TreeEntryKind.Directory, subdirectory.UnixFileMode, 0, null));
                    pending.Push(subdirectory);
                }
                else if (NativeFileSystem.IsRegularFile(info.FullName))
                {
                    entries.Add(new TreeEntry(relative, TreeEntryKind.File, info.UnixFileMode, ((FileInfo)info).Length, null));
                }
                else
                {
                    throw new TreeCopyRefusedException($"'{relative}' in '{root}' is not a regular file, folder or link (a FIFO, socket or device); remove it from the release.");
                }
            }
        }

        return entries;
    }

    /// <summary>A link is copied as a link only when it is relative and stays inside the tree, so the copy never points back into the source or elsewhere.</summary>
    private static string CheckLink(string root, string linkPath, string relative, string target)
    {
        if (Path.IsPathRooted(target))
        {
            throw new TreeCopyRefusedException($"'{relative}' in '{root}' is an absolute link to '{target}'; only relative links inside the release are copied.");
        }

        var resolved = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(linkPath)!, target));
        if (!resolved.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal) && resolved != root)
        {
            throw new TreeCopyRefusedException($"'{relative}' in '{root}' links to '{target}', outside the release; only links inside the release are copied.");
        }

        return target;
    }
}
