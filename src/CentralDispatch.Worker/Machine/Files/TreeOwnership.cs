using CentralDispatch.Worker.Machine.Files.Native;

namespace CentralDispatch.Worker.Machine.Files;

/// <summary>
/// Gives a tree to the web server user (chown -R done safely). Entries are reached from their open folder without
/// following links; a folder is given away only after everything in it, so its new owner cannot change it while we
/// are still inside; a regular file is given away through the open file, and only when it has no other hard link,
/// so no file outside the tree (hard-linked or swapped in) ever changes owner.
/// </summary>
public sealed class TreeOwnership
{
    /// <summary>Nothing to do when the web server user is the user the worker runs as (the sandbox); otherwise only root may do it.</summary>
    public Task ChangeOwnerAsync(string path, string user, string group, CancellationToken cancellationToken)
    {
        if (string.Equals(user, Environment.UserName, StringComparison.Ordinal))
        {
            return Task.CompletedTask;
        }

        if (!Environment.IsPrivilegedProcess)
        {
            throw new InvalidOperationException($"Only root can give '{path}' to '{user}'; run the worker as root or set the web server user to '{Environment.UserName}'.");
        }

        var owner = Accounts.UserId(user);
        var groupId = Accounts.GroupId(group);
        using var root = DirectoryHandle.Open(path);
        GiveAway(root, owner, groupId, cancellationToken);
        return Task.CompletedTask;
    }

    /// <summary>
    /// The gid a file of ours must get for the web server to read it (its group), or null in the sandbox, where the web
    /// server runs as the worker's own user.
    /// </summary>
    public uint? GroupToShareWith(string user, string group) =>
        string.Equals(user, Environment.UserName, StringComparison.Ordinal) || !Environment.IsPrivilegedProcess ? null : Accounts.GroupId(group);

    private static void GiveAway(DirectoryHandle root, uint owner, uint group, CancellationToken cancellationToken)
    {
        var stack = new Stack<(DirectoryHandle Folder, Queue<FileName> Pending)>();
        stack.Push((root, new Queue<FileName>(root.Names())));
        try
        {
            while (stack.TryPeek(out var level))
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (!level.Pending.TryDequeue(out var name))
                {
                    stack.Pop();
                    level.Folder.ChangeOwner(owner, group);
                    if (level.Folder != root)
                    {
                        level.Folder.Dispose();
                    }

                    continue;
                }

                switch (level.Folder.StatusOf(name)?.Type)
                {
                    case EntryType.Directory when stack.Count < TreeWalker.MaxDepth:
                        if (level.Folder.OpenDirectory(name) is { } child)
                        {
                            stack.Push((child, new Queue<FileName>(child.Names())));
                        }

                        break;
                    case EntryType.RegularFile:
                        using (var file = level.Folder.OpenRegularFile(name, out var status))
                        {
                            if (file is not null && status!.Links == 1 && Libc.ChangeOwner((int)file.DangerousGetHandle(), owner, group) != 0)
                            {
                                throw Libc.Failure("chown of", level.Folder.Child(name), Libc.LastError);
                            }
                        }

                        break;
                    case EntryType.SymbolicLink or EntryType.Special:
                        level.Folder.ChangeOwnerOf(name, owner, group);
                        break;
                }
            }
        }
        finally
        {
            foreach (var (folder, _) in stack.Where(l => l.Folder != root))
            {
                folder.Dispose();
            }
        }
    }
}
