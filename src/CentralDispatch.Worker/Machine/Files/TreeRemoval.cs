using CentralDispatch.Worker.Machine.Files.Native;

namespace CentralDispatch.Worker.Machine.Files;

/// <summary>
/// Removes a tree that its tenant may be changing while it goes (rm -rf done safely). Every removal is relative to an
/// open folder and never follows a link: a folder swapped for a link to /etc loses the link, never /etc's files. A
/// folder moved elsewhere while it is being emptied can only have been moved by someone who could write there anyway.
/// Nesting deeper than <see cref="MaxDepth"/> is moved up to the top folder instead of holding more open folders,
/// so no tree is too deep to remove; a tree that keeps growing as fast as it is removed is given up after
/// <see cref="MaxRounds"/> passes with an IOException.
/// </summary>
public static class TreeRemoval
{
    public const int MaxDepth = 64;
    public const int MaxRounds = 200;

    /// <summary>Removes <paramref name="path"/> whatever it is; a link is removed itself. Gone already is fine.</summary>
    /// <remarks>The folders above <paramref name="path"/> must be ones the tenant cannot write.</remarks>
    public static void Remove(string path) => Remove(path, onlyFolder: false);

    /// <summary>
    /// Removes the folder at <paramref name="path"/> with everything in it. Something else there (a link or file put
    /// in its place) is not what we made, so it stays: false. Gone already: true.
    /// </summary>
    public static bool RemoveFolder(string path) => Remove(path, onlyFolder: true);

    private static bool Remove(string path, bool onlyFolder)
    {
        var full = Path.GetFullPath(path).TrimEnd('/');
        var parentPath = Path.GetDirectoryName(full) ?? throw new ArgumentException($"'{path}' is the root folder.", nameof(path));
        using var parent = DirectoryHandle.TryOpen(parentPath);
        if (parent is null)
        {
            return true;
        }

        var name = FileName.Of(Path.GetFileName(full));
        if (onlyFolder && parent.StatusOf(name) is { Type: not EntryType.Directory })
        {
            return false;
        }

        RemoveEntry(parent, name);
        return true;
    }

    /// <summary>Removes the entry <paramref name="name"/> of <paramref name="parent"/>, emptying it first when it is a folder.</summary>
    internal static void RemoveEntry(DirectoryHandle parent, FileName name)
    {
        for (var round = 0; round < MaxRounds; round++)
        {
            switch (parent.Unlink(name))
            {
                case UnlinkResult.Removed or UnlinkResult.Gone:
                    return;
                case UnlinkResult.Refused:
                    parent.MakeAccessible();
                    continue;
            }

            using (var folder = parent.OpenDirectory(name, forceAccess: true))
            {
                if (folder is null)
                {
                    continue; // swapped for a link or a file since the unlink: the next unlink takes it
                }

                Empty(folder);
            }

            switch (parent.RemoveDirectory(name))
            {
                case UnlinkResult.Removed or UnlinkResult.Gone:
                    return;
                case UnlinkResult.Refused:
                    parent.MakeAccessible();
                    break;
            }
        }

        throw new IOException($"'{parent.Child(name)}' could not be removed: its content kept changing through {MaxRounds} passes.");
    }

    /// <summary>Empties <paramref name="top"/> depth first with at most <see cref="MaxDepth"/> folders open.</summary>
    private static void Empty(DirectoryHandle top)
    {
        for (var round = 0; round < MaxRounds; round++)
        {
            var names = top.Names();
            if (names.Count == 0)
            {
                return;
            }

            var stack = new Stack<Level>();
            stack.Push(new Level(top, null, new Queue<FileName>(names)));
            try
            {
                while (stack.TryPeek(out var level))
                {
                    if (!level.Pending.TryDequeue(out var name))
                    {
                        stack.Pop();
                        if (level.Name is not null)
                        {
                            level.Folder.Dispose();
                            // Not empty: someone added to it meanwhile; the next round finds it again.
                            if (stack.Peek().Folder.RemoveDirectory(level.Name) == UnlinkResult.Refused)
                            {
                                stack.Peek().Folder.MakeAccessible();
                            }
                        }

                        continue;
                    }

                    Step(stack, top, level, name);
                }
            }
            finally
            {
                foreach (var level in stack.Where(l => l.Name is not null))
                {
                    level.Folder.Dispose();
                }
            }
        }

        throw new IOException($"'{top.Path}' could not be emptied: its content kept changing through {MaxRounds} passes.");
    }

    private static void Step(Stack<Level> stack, DirectoryHandle top, Level level, FileName name)
    {
        switch (level.Folder.Unlink(name))
        {
            case UnlinkResult.Refused when !level.MadeAccessible:
                level.Folder.MakeAccessible();
                level.MadeAccessible = true;
                level.Pending.Enqueue(name);
                return;
            case UnlinkResult.Refused:
                throw new IOException($"'{level.Folder.Child(name)}' cannot be removed: its folder refuses it even after chmod u+rwx.");
            case not UnlinkResult.IsDirectory:
                return;
        }

        if (stack.Count >= MaxDepth)
        {
            // Too deep to descend with one more open folder: move it up beside the others; a later round removes it.
            _ = level.Folder.TryRename(name, top, FileName.Of($".cd-deep-{Guid.NewGuid():N}"));
            return;
        }

        var child = level.Folder.OpenDirectory(name, forceAccess: true);
        if (child is not null)
        {
            stack.Push(new Level(child, name, new Queue<FileName>(child.Names())));
        }
    }

    private sealed class Level(DirectoryHandle folder, FileName? name, Queue<FileName> pending)
    {
        public DirectoryHandle Folder { get; } = folder;
        public FileName? Name { get; } = name;
        public Queue<FileName> Pending { get; } = pending;
        public bool MadeAccessible { get; set; }
    }
}
