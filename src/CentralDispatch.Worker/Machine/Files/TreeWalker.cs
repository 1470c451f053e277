using System.Text;
using CentralDispatch.Worker.Machine.Files.Native;

namespace CentralDispatch.Worker.Machine.Files;

/// <summary>
/// Reads a tree that someone else may be changing (a tenant's live webroot, a release folder it could write): folders
/// are opened from their open parent without following links, files are opened the same way and checked to be regular
/// on the open file, so nothing outside the tree is ever read, however entries are swapped meanwhile. Folders come
/// before their content, entries of a folder in byte order. What cannot be taken is reported, not followed.
/// </summary>
internal static class TreeWalker
{
    /// <summary>Folders nested deeper than this are reported instead of opened (each level holds one open folder).</summary>
    public const int MaxDepth = 128;

    /// <summary>Walks the tree at <paramref name="root"/>; a link at <paramref name="root"/> itself is refused.</summary>
    /// <exception cref="DirectoryNotFoundException"><paramref name="root"/> is not a folder.</exception>
    public static async Task WalkAsync(string root, TreeVisitor visitor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(visitor);
        var top = DirectoryHandle.Open(root);
        var device = top.Status().Device;
        var stack = new Stack<Level>();
        stack.Push(new Level(top, "", new Queue<FileName>(top.Names())));
        try
        {
            while (stack.TryPeek(out var level))
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (!level.Pending.TryDequeue(out var name))
                {
                    stack.Pop().Folder.Dispose();
                    continue;
                }

                if (name.Text is null)
                {
                    await visitor.SkippedAsync(Join(level.Path, name.ToString()), "its name is not UTF-8", cancellationToken);
                    continue;
                }

                var path = Join(level.Path, name.Text);
                if (level.Folder.StatusOf(name) is not { } status)
                {
                    continue; // removed while we walked
                }

                await VisitAsync(stack, level.Folder, name, path, status.Type, device, visitor, cancellationToken);
            }
        }
        finally
        {
            while (stack.TryPop(out var level))
            {
                level.Folder.Dispose();
            }
        }
    }

    private static Task VisitAsync(Stack<Level> stack, DirectoryHandle folder, FileName name, string path, EntryType type, ulong device,
        TreeVisitor visitor, CancellationToken cancellationToken) => type switch
    {
        EntryType.Directory => FolderAsync(stack, folder, name, path, device, visitor, cancellationToken),
        EntryType.RegularFile => FileAsync(folder, name, path, visitor, cancellationToken),
        EntryType.SymbolicLink => LinkAsync(folder, name, path, visitor, cancellationToken),
        _ => visitor.SkippedAsync(path, "a FIFO, socket or device, not a regular file", cancellationToken).AsTask(),
    };

    private static async Task FolderAsync(Stack<Level> stack, DirectoryHandle parent, FileName name, string path, ulong device, TreeVisitor visitor,
        CancellationToken cancellationToken)
    {
        if (stack.Count >= MaxDepth)
        {
            await visitor.SkippedAsync(path, $"nested more than {MaxDepth} folders deep", cancellationToken);
            return;
        }

        DirectoryHandle? folder;
        try
        {
            folder = parent.OpenDirectory(name);
        }
        catch (IOException e)
        {
            // E.g. a folder its owner made unreadable (only where the worker is not root): reported, not fatal.
            await visitor.SkippedAsync(path, $"it cannot be read ({e.Message})", cancellationToken);
            return;
        }

        if (folder is null)
        {
            await visitor.SkippedAsync(path, "it changed while the tree was read (no longer a folder)", cancellationToken);
            return;
        }

        var status = folder.Status();
        if (status.Device != device)
        {
            folder.Dispose();
            await visitor.SkippedAsync(path, "another file system is mounted there", cancellationToken);
            return;
        }

        if (!await visitor.FolderAsync(path, status, cancellationToken))
        {
            folder.Dispose();
            return;
        }

        stack.Push(new Level(folder, path, new Queue<FileName>(folder.Names())));
    }

    private static async Task FileAsync(DirectoryHandle folder, FileName name, string path, TreeVisitor visitor, CancellationToken cancellationToken)
    {
        using var file = folder.OpenRegularFile(name, out var status);
        if (file is null || status is null)
        {
            var reason = status is null ? "it could not be opened (no longer there, a link, or not readable)" : "it changed while the tree was read (no longer a regular file)";
            await visitor.SkippedAsync(path, reason, cancellationToken);
            return;
        }

        await visitor.FileAsync(path, file, status, cancellationToken);
    }

    private static async Task LinkAsync(DirectoryHandle folder, FileName name, string path, TreeVisitor visitor, CancellationToken cancellationToken)
    {
        if (folder.ReadLink(name) is not { } bytes)
        {
            await visitor.SkippedAsync(path, "it changed while the tree was read (no longer a link)", cancellationToken);
            return;
        }

        if (FileName.FromBytes(bytes).Text is null && bytes.Length > 0)
        {
            await visitor.SkippedAsync(path, "a link whose target is not UTF-8", cancellationToken);
            return;
        }

        await visitor.LinkAsync(path, Encoding.UTF8.GetString(bytes), cancellationToken);
    }

    private static string Join(string folder, string name) => folder.Length == 0 ? name : $"{folder}/{name}";

    private sealed record Level(DirectoryHandle Folder, string Path, Queue<FileName> Pending);
}
