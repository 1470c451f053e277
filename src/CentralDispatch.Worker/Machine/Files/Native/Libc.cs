using System.Runtime.InteropServices;

namespace CentralDispatch.Worker.Machine.Files.Native;

/// <summary>
/// The Linux calls the worker needs to work inside a tree without following links: the *at family relative to an open
/// folder, statx, readdir. Paths are NUL-terminated byte arrays (a file name need not be UTF-8). Open flags differ
/// between x86-64 and arm64; everything else used here is the same on both.
/// </summary>
internal static class Libc
{
    public const int AtFdCwd = -100;
    public const int AtSymlinkNoFollow = 0x100;
    public const int AtRemoveDir = 0x200;
    public const int AtEmptyPath = 0x1000;

    public const int ReadOnly = 0x0;
    public const int WriteOnly = 0x1;
    public const int Create = 0x40;
    public const int Exclusive = 0x80;
    public const int NonBlocking = 0x800;
    public const int CloseOnExec = 0x80000;
    public const int PathOnly = 0x200000;

    public static readonly int Directory = IsArm ? 0x4000 : 0x10000;
    public static readonly int NoFollow = IsArm ? 0x8000 : 0x20000;

    public const int EPERM = 1;
    public const int ENOENT = 2;
    public const int EINTR = 4;
    public const int EACCES = 13;
    public const int EEXIST = 17;
    public const int EXDEV = 18;
    public const int ENOTDIR = 20;
    public const int EISDIR = 21;
    public const int EINVAL = 22;
    public const int ENOSYS = 38;
    public const int ENOTEMPTY = 39;
    public const int ELOOP = 40;
    public const int EOPNOTSUPP = 95;

    private static bool IsArm => RuntimeInformation.ProcessArchitecture == Architecture.Arm64;

    public static int LastError => Marshal.GetLastPInvokeError();

    [DllImport("libc", EntryPoint = "openat", SetLastError = true)]
    public static extern int OpenAt(int directory, byte[] path, int flags, uint mode);

    [DllImport("libc", EntryPoint = "close", SetLastError = true)]
    public static extern int Close(int fd);

    [DllImport("libc", EntryPoint = "fsync", SetLastError = true)]
    public static extern int Fsync(int fd);

    [DllImport("libc", EntryPoint = "statx", SetLastError = true)]
    public static extern int Statx(int directory, byte[] path, int flags, uint mask, [Out] byte[] buffer);

    [DllImport("libc", EntryPoint = "unlinkat", SetLastError = true)]
    public static extern int UnlinkAt(int directory, byte[] path, int flags);

    [DllImport("libc", EntryPoint = "mkdirat", SetLastError = true)]
    public static extern int MakeDirectoryAt(int directory, byte[] path, uint mode);

    [DllImport("libc", EntryPoint = "symlinkat", SetLastError = true)]
    public static extern int SymbolicLinkAt(byte[] target, int directory, byte[] path);

    [DllImport("libc", EntryPoint = "readlinkat", SetLastError = true)]
    public static extern nint ReadLinkAt(int directory, byte[] path, [Out] byte[] buffer, nuint size);

    [DllImport("libc", EntryPoint = "renameat", SetLastError = true)]
    public static extern int RenameAt(int fromDirectory, byte[] from, int toDirectory, byte[] to);

    [DllImport("libc", EntryPoint = "fchownat", SetLastError = true)]
    public static extern int ChangeOwnerAt(int directory, byte[] path, uint owner, uint group, int flags);

    [DllImport("libc", EntryPoint = "fchown", SetLastError = true)]
    public static extern int ChangeOwner(int fd, uint owner, uint group);

    [DllImport("libc", EntryPoint = "fchmod", SetLastError = true)]
    public static extern int ChangeMode(int fd, uint mode);

    [DllImport("libc", EntryPoint = "chmod", SetLastError = true)]
    public static extern int ChangeModeOfPath(byte[] path, uint mode);

    [DllImport("libc", EntryPoint = "fdopendir", SetLastError = true)]
    public static extern nint FdOpenDirectory(int fd);

    [DllImport("libc", EntryPoint = "readdir", SetLastError = true)]
    public static extern nint ReadDirectory(nint stream);

    [DllImport("libc", EntryPoint = "closedir", SetLastError = true)]
    public static extern int CloseDirectory(nint stream);

    [DllImport("libc", EntryPoint = "copy_file_range", SetLastError = true)]
    public static extern nint CopyFileRange(int input, nint inputOffset, int output, nint outputOffset, nuint length, uint flags);

    [DllImport("libc", EntryPoint = "rename", SetLastError = true)]
    public static extern int Rename(byte[] from, byte[] to);

    [DllImport("libc", EntryPoint = "getpwnam_r", SetLastError = true)]
    public static extern int GetPasswordEntry(byte[] name, [Out] byte[] entry, [Out] byte[] buffer, nuint size, out nint result);

    [DllImport("libc", EntryPoint = "getgrnam_r", SetLastError = true)]
    public static extern int GetGroupEntry(byte[] name, [Out] byte[] entry, [Out] byte[] buffer, nuint size, out nint result);

    /// <summary>A path as the calls above take it: UTF-8, NUL-terminated.</summary>
    public static byte[] PathBytes(string path)
    {
        if (path.Contains('\0', StringComparison.Ordinal))
        {
            throw new ArgumentException("A path cannot contain a NUL character.", nameof(path));
        }

        var bytes = new byte[System.Text.Encoding.UTF8.GetByteCount(path) + 1];
        System.Text.Encoding.UTF8.GetBytes(path, bytes);
        return bytes;
    }

    /// <summary>An IOException naming what failed, the path and the errno.</summary>
    public static IOException Failure(string what, string path, int errno) =>
        new($"{what} '{path}' failed: {Marshal.GetPInvokeErrorMessage(errno)} (errno {errno}).");
}
