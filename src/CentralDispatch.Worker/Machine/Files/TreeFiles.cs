using System.Text;
using CentralDispatch.Worker.Machine.Files.Native;

namespace CentralDispatch.Worker.Machine.Files;

/// <summary>
/// Writes one file into a tree its tenant can write (the instance config file a release asks for inside its tree):
/// every folder on the way is opened from its parent without following links (missing ones are made), the content goes
/// to a new temp file (O_EXCL | O_NOFOLLOW) that is renamed over the name, so a link the tenant put there is replaced,
/// never written through.
/// </summary>
public static class TreeFiles
{
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    /// <param name="tree">The tree's root; its own path must not be writable by the tenant (it is in the releases folder).</param>
    /// <param name="relativePath">'/'-separated, without '.', '..' or empty parts.</param>
    /// <param name="content">The text to write.</param>
    /// <param name="mode">The file's mode.</param>
    /// <param name="group">The file's group, or null to keep ours.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    public static async Task WriteTextAsync(string tree, string relativePath, string content, UnixFileMode mode, uint? group, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(relativePath);
        var parts = relativePath.Split('/');
        var folders = new List<DirectoryHandle> { DirectoryHandle.Open(tree) };
        try
        {
            foreach (var part in parts[..^1])
            {
                var name = FileName.Of(part);
                var parent = folders[^1];
                var next = parent.OpenDirectory(name)
                           ?? (parent.StatusOf(name) is null
                               ? parent.CreateDirectory(name, FileModes.Folder)
                               : throw new IOException($"'{parent.Child(name)}' is not a folder (a file or a link), so {relativePath} cannot be written in {tree}."));
                folders.Add(next);
            }

            var folder = folders[^1];
            var final = FileName.Of(parts[^1]);
            var temp = FileName.Of($".{parts[^1]}.{Guid.NewGuid():N}.tmp");
            using (var file = folder.CreateFile(temp, FileModes.OwnerOnly))
            {
                try
                {
                    await RandomAccess.WriteAsync(file, Utf8NoBom.GetBytes(content), 0, cancellationToken);
                    RandomAccess.FlushToDisk(file);
                    var fd = (int)file.DangerousGetHandle();
                    if ((group is { } gid && Libc.ChangeOwner(fd, uint.MaxValue, gid) != 0) || Libc.ChangeMode(fd, (uint)mode) != 0)
                    {
                        throw Libc.Failure("Setting the owner and mode of", folder.Child(temp), Libc.LastError);
                    }
                }
                catch
                {
                    folder.Unlink(temp);
                    throw;
                }
            }

            if (!folder.TryRename(temp, folder, final))
            {
                throw new IOException($"The temp file {folder.Child(temp)} was removed before it could be renamed.");
            }

            folder.Flush();
        }
        finally
        {
            folders.ForEach(f => f.Dispose());
        }
    }
}
