using System.Globalization;
using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace CentralDispatch.Worker.Machine.Files.Native;

/// <summary>
/// An open folder (O_DIRECTORY | O_NOFOLLOW) and the operations on its entries, each relative to the open folder and
/// none following a link in the entry's name. Whatever a tenant renames or swaps while it is used, an operation reaches
/// the entry of this very folder or fails: never a file the folder's path would lead to after a swap.
/// </summary>
internal sealed class DirectoryHandle : IDisposable
{
    private int _fd;

    private DirectoryHandle(int fd, string path)
    {
        _fd = fd;
        Path = path;
    }

    /// <summary>For messages: the path the folder had when it was opened.</summary>
    public string Path { get; }

    private int Fd => _fd >= 0 ? _fd : throw new ObjectDisposedException(nameof(DirectoryHandle), Path);

    /// <summary>
    /// Opens the folder at <paramref name="path"/>. Only its last component is refused as a link: the folders above it
    /// must be ones a tenant cannot write (the install path, the releases folder).
    /// </summary>
    /// <exception cref="IOException">Missing, not a folder, or a link.</exception>
    public static DirectoryHandle Open(string path) =>
        TryOpen(path) ?? throw new DirectoryNotFoundException($"'{path}' is not a folder (missing, a file or a symbolic link).");

    /// <summary>As <see cref="Open"/>, or null when <paramref name="path"/> is missing, a link or not a folder.</summary>
    public static DirectoryHandle? TryOpen(string path)
    {
        var fd = Libc.OpenAt(Libc.AtFdCwd, Libc.PathBytes(path), Libc.ReadOnly | Libc.Directory | Libc.NoFollow | Libc.CloseOnExec, 0);
        if (fd >= 0)
        {
            return new DirectoryHandle(fd, path);
        }

        var errno = Libc.LastError;
        return errno is Libc.ENOENT or Libc.ENOTDIR or Libc.ELOOP ? null : throw Libc.Failure("Opening the folder", path, errno);
    }

    /// <summary>The folder's own status (fstat of the open folder).</summary>
    public EntryStatus Status()
    {
        var buffer = new byte[EntryStatus.BufferSize];
        return Libc.Statx(Fd, [0], Libc.AtEmptyPath, EntryStatus.BasicStats, buffer) == 0
            ? EntryStatus.Parse(buffer)
            : throw Libc.Failure("statx of", Path, Libc.LastError);
    }

    /// <summary>The entry's status, the entry itself (a link is not followed); null when it is gone.</summary>
    public EntryStatus? StatusOf(FileName name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var buffer = new byte[EntryStatus.BufferSize];
        if (Libc.Statx(Fd, name.Terminated, Libc.AtSymlinkNoFollow, EntryStatus.BasicStats, buffer) == 0)
        {
            return EntryStatus.Parse(buffer);
        }

        var errno = Libc.LastError;
        return errno == Libc.ENOENT ? null : throw Failure("statx of", name, errno);
    }

    /// <summary>The folder's entries (without "." and ".."), in byte order so walks are repeatable.</summary>
    public List<FileName> Names()
    {
        // A new open file description: the listing's read position is its own.
        var copy = Libc.OpenAt(Fd, [(byte)'.', 0], Libc.ReadOnly | Libc.Directory | Libc.CloseOnExec, 0);
        if (copy < 0)
        {
            throw Libc.Failure("Listing", Path, Libc.LastError);
        }

        var stream = Libc.FdOpenDirectory(copy);
        if (stream == 0)
        {
            var errno = Libc.LastError;
            _ = Libc.Close(copy);
            throw Libc.Failure("Listing", Path, errno);
        }

        var names = new List<(byte[] Bytes, FileName Name)>();
        try
        {
            while (true)
            {
                Marshal.SetLastPInvokeError(0);
                var entry = Libc.ReadDirectory(stream);
                if (entry == 0)
                {
                    var errno = Libc.LastError;
                    if (errno != 0)
                    {
                        throw Libc.Failure("Listing", Path, errno);
                    }

                    break;
                }

                // struct dirent (glibc, 64-bit): d_ino u64, d_off i64, d_reclen u16, d_type u8, then d_name.
                var bytes = MarshalName(entry + 19);
                if (bytes is [(byte)'.'] or [(byte)'.', (byte)'.'])
                {
                    continue;
                }

                names.Add((bytes, FileName.FromBytes(bytes)));
            }
        }
        finally
        {
            _ = Libc.CloseDirectory(stream);
        }

        names.Sort((a, b) => a.Bytes.AsSpan().SequenceCompareTo(b.Bytes));
        return names.ConvertAll(n => n.Name);
    }

    /// <summary>Opens a child folder; null when the entry is gone, a link, or not a folder (a tenant may have swapped it).</summary>
    /// <param name="name">The child's name.</param>
    /// <param name="forceAccess">When the folder refuses us (mode 000 set by its owner), make it 0700 first: for removal only.</param>
    public DirectoryHandle? OpenDirectory(FileName name, bool forceAccess = false)
    {
        ArgumentNullException.ThrowIfNull(name);
        var fd = Libc.OpenAt(Fd, name.Terminated, Libc.ReadOnly | Libc.Directory | Libc.NoFollow | Libc.CloseOnExec, 0);
        if (fd >= 0)
        {
            return new DirectoryHandle(fd, Child(name));
        }

        var errno = Libc.LastError;
        if (errno == Libc.EACCES && forceAccess)
        {
            return OpenUnreadable(name);
        }

        return errno is Libc.ENOENT or Libc.ENOTDIR or Libc.ELOOP ? null : throw Failure("Opening the folder", name, errno);
    }

    /// <summary>
    /// Opens a regular file for reading; null when the entry is gone, a link, or (checked on the open file itself, so a
    /// swap in between cannot fool it) not a regular file. O_NONBLOCK: a FIFO put there never blocks the open.
    /// </summary>
    public SafeFileHandle? OpenRegularFile(FileName name, out EntryStatus? status)
    {
        ArgumentNullException.ThrowIfNull(name);
        status = null;
        var fd = Libc.OpenAt(Fd, name.Terminated, Libc.ReadOnly | Libc.NoFollow | Libc.NonBlocking | Libc.CloseOnExec, 0);
        if (fd < 0)
        {
            var errno = Libc.LastError;
            return errno is Libc.ENOENT or Libc.ELOOP or Libc.ENOTDIR or Libc.EACCES or Libc.EPERM ? null : throw Failure("Opening", name, errno);
        }

        var handle = new SafeFileHandle(fd, ownsHandle: true);
        var buffer = new byte[EntryStatus.BufferSize];
        if (Libc.Statx(fd, [0], Libc.AtEmptyPath, EntryStatus.BasicStats, buffer) != 0)
        {
            var errno = Libc.LastError;
            handle.Dispose();
            throw Failure("statx of", name, errno);
        }

        status = EntryStatus.Parse(buffer);
        if (status.Type != EntryType.RegularFile)
        {
            handle.Dispose();
            return null;
        }

        return handle;
    }

    /// <summary>Creates a new file (O_CREAT | O_EXCL | O_NOFOLLOW: never an existing file, never through a link).</summary>
    public SafeFileHandle CreateFile(FileName name, UnixFileMode mode)
    {
        ArgumentNullException.ThrowIfNull(name);
        var fd = Libc.OpenAt(Fd, name.Terminated, Libc.WriteOnly | Libc.Create | Libc.Exclusive | Libc.NoFollow | Libc.CloseOnExec, (uint)mode);
        return fd >= 0 ? new SafeFileHandle(fd, ownsHandle: true) : throw Failure("Creating", name, Libc.LastError);
    }

    /// <summary>Makes a child folder and opens it.</summary>
    public DirectoryHandle CreateDirectory(FileName name, UnixFileMode mode)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (Libc.MakeDirectoryAt(Fd, name.Terminated, (uint)mode) != 0)
        {
            throw Failure("Creating the folder", name, Libc.LastError);
        }

        return OpenDirectory(name) ?? throw new IOException($"The folder '{Child(name)}' was replaced right after it was made.");
    }

    public void CreateSymbolicLink(FileName name, byte[] terminatedTarget)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (Libc.SymbolicLinkAt(terminatedTarget, Fd, name.Terminated) != 0)
        {
            throw Failure("Creating the link", name, Libc.LastError);
        }
    }

    /// <summary>A link's target as bytes (without NUL); null when the entry is gone or not a link.</summary>
    public byte[]? ReadLink(FileName name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var buffer = new byte[4097];
        var length = Libc.ReadLinkAt(Fd, name.Terminated, buffer, (nuint)buffer.Length);
        if (length < 0)
        {
            var errno = Libc.LastError;
            return errno is Libc.ENOENT or Libc.EINVAL ? null : throw Failure("Reading the link", name, errno);
        }

        return length >= buffer.Length ? throw new IOException($"The link '{Child(name)}' has a target longer than 4096 bytes.") : buffer[..(int)length];
    }

    /// <summary>Removes a non-folder entry (a file, link, FIFO…; a link itself, never its target).</summary>
    public UnlinkResult Unlink(FileName name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (Libc.UnlinkAt(Fd, name.Terminated, 0) == 0)
        {
            return UnlinkResult.Removed;
        }

        var errno = Libc.LastError;
        return errno switch
        {
            Libc.ENOENT => UnlinkResult.Gone,
            // Linux says EISDIR for a folder (POSIX allows EPERM); a folder swapped for a file meanwhile is retried by the caller.
            Libc.EISDIR => UnlinkResult.IsDirectory,
            Libc.EPERM when StatusOf(name)?.Type == EntryType.Directory => UnlinkResult.IsDirectory,
            Libc.EACCES => UnlinkResult.Refused,
            _ => throw Failure("Removing", name, errno),
        };
    }

    /// <summary>Removes an empty child folder.</summary>
    public UnlinkResult RemoveDirectory(FileName name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (Libc.UnlinkAt(Fd, name.Terminated, Libc.AtRemoveDir) == 0)
        {
            return UnlinkResult.Removed;
        }

        var errno = Libc.LastError;
        return errno switch
        {
            Libc.ENOENT => UnlinkResult.Gone,
            Libc.ENOTEMPTY or Libc.EEXIST => UnlinkResult.NotEmpty,
            Libc.ENOTDIR => UnlinkResult.NotDirectory,
            Libc.EACCES => UnlinkResult.Refused,
            _ => throw Failure("Removing the folder", name, errno),
        };
    }

    /// <summary>
    /// Renames an entry of this folder to <paramref name="to"/> in <paramref name="destination"/> (replacing a file or
    /// link there, never following it); false when the entry is gone.
    /// </summary>
    public bool TryRename(FileName from, DirectoryHandle destination, FileName to)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(destination);
        ArgumentNullException.ThrowIfNull(to);
        if (Libc.RenameAt(Fd, from.Terminated, destination.Fd, to.Terminated) == 0)
        {
            return true;
        }

        var errno = Libc.LastError;
        return errno == Libc.ENOENT ? false : throw Failure("Renaming", from, errno);
    }

    /// <summary>Gives the entry itself (a link is not followed) to <paramref name="owner"/>:<paramref name="group"/>.</summary>
    public void ChangeOwnerOf(FileName name, uint owner, uint group)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (Libc.ChangeOwnerAt(Fd, name.Terminated, owner, group, Libc.AtSymlinkNoFollow) != 0 && Libc.LastError is var errno and not Libc.ENOENT)
        {
            throw Failure("chown of", name, errno);
        }
    }

    /// <summary>Gives this folder itself to <paramref name="owner"/>:<paramref name="group"/>.</summary>
    public void ChangeOwner(uint owner, uint group)
    {
        if (Libc.ChangeOwner(Fd, owner, group) != 0)
        {
            throw Libc.Failure("chown of", Path, Libc.LastError);
        }
    }

    /// <summary>Sets this folder's permission bits.</summary>
    public void ChangeMode(UnixFileMode mode)
    {
        if (Libc.ChangeMode(Fd, (uint)mode) != 0)
        {
            throw Libc.Failure("chmod of", Path, Libc.LastError);
        }
    }

    /// <summary>fsync of the folder: makes creates, renames and removals in it durable.</summary>
    public void Flush()
    {
        if (Libc.Fsync(Fd) != 0)
        {
            throw Libc.Failure("fsync of", Path, Libc.LastError);
        }
    }

    public void Dispose()
    {
        var fd = Interlocked.Exchange(ref _fd, -1);
        if (fd >= 0)
        {
            _ = Libc.Close(fd);
        }
    }

    /// <summary>For messages.</summary>
    public string Child(FileName name) => System.IO.Path.Combine(Path, name.ToString());

    private IOException Failure(string what, FileName name, int errno) => Libc.Failure(what, Child(name), errno);

    /// <summary>
    /// A folder its owner made unreadable (000): opened by O_PATH (which needs no permission), made 0700 through its
    /// /proc/self/fd link (which names that very folder, not a path a swap could redirect), then opened again through it.
    /// </summary>
    private DirectoryHandle? OpenUnreadable(FileName name)
    {
        var pathFd = Libc.OpenAt(Fd, name.Terminated, Libc.PathOnly | Libc.Directory | Libc.NoFollow | Libc.CloseOnExec, 0);
        if (pathFd < 0)
        {
            return null;
        }

        try
        {
            var proc = Libc.PathBytes("/proc/self/fd/" + pathFd.ToString(CultureInfo.InvariantCulture));
            if (Libc.ChangeModeOfPath(proc, (uint)FileModes.PrivateFolder) != 0)
            {
                throw Failure("chmod of", name, Libc.LastError);
            }

            var fd = Libc.OpenAt(Libc.AtFdCwd, proc, Libc.ReadOnly | Libc.Directory | Libc.CloseOnExec, 0);
            return fd >= 0 ? new DirectoryHandle(fd, Child(name)) : throw Failure("Opening the folder", name, Libc.LastError);
        }
        finally
        {
            _ = Libc.Close(pathFd);
        }
    }

    /// <summary>A folder its owner made read-only (after <see cref="UnlinkResult.Refused"/>): made 0700 for us (its owner or root) to empty it.</summary>
    public void MakeAccessible() => ChangeMode(Status().Mode | FileModes.PrivateFolder);

    private static byte[] MarshalName(nint pointer)
    {
        var length = 0;
        while (Marshal.ReadByte(pointer, length) != 0)
        {
            length++;
        }

        var bytes = new byte[length];
        Marshal.Copy(pointer, bytes, 0, length);
        return bytes;
    }
}
