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

        if (Resolve(root, Path.GetDirectoryName(linkPath)!, target, depth: 0) is null)
        {
            throw new TreeCopyRefusedException($"'{relative}' in '{root}' links to '{target}', outside the release; only links inside the release are copied.");
        }

        return target;
    }

    /// <summary>
    /// Where a relative target leads, resolved the way the kernel does (a '..' after a link to a folder climbs from
    /// where that link points, not from where it sits), or null as soon as it would leave <paramref name="root"/>.
    /// A purely textual check would let "d/up/../x" escape when d/up links to "..".
    /// </summary>
    private static string? Resolve(string root, string directory, string target, int depth)
    {
        const int MaxLinkDepth = 40;
        if (depth > MaxLinkDepth || Path.IsPathRooted(target))
        {
            return null;
        }

        var current = directory;
        foreach (var part in target.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            if (part == ".")
            {
                continue;
            }

            if (part == "..")
            {
                if (current == root)
                {
                    return null;
                }

                current = Path.GetDirectoryName(current)!;
                continue;
            }

            var next = Path.Combine(current, part);
            if (new FileInfo(next).LinkTarget is { } inner)
            {
                if (Resolve(root, current, inner, depth + 1) is not { } resolved)
                {
                    return null;
                }

                next = resolved;
            }

            current = next;
        }

        return current;
    }
}
