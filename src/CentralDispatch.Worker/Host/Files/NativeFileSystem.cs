using System.Runtime.InteropServices;

namespace CentralDispatch.Worker.Host.Files;

/// <summary>
/// The POSIX calls .NET does not expose: fsync of a directory, the file type of a path without following links, and a
/// plain rename(2) (File.Move refuses a link to a folder as its source).
/// </summary>
internal static partial class NativeFileSystem
{
    private const int AtFdCwd = -100;
    private const int AtSymlinkNoFollow = 0x100;
    private const uint StatxType = 0x1;
    private const int OpenReadOnlyDirectory = 0x10000; // O_RDONLY | O_DIRECTORY
    private const int OpenCloseOnExec = 0x80000;
    private const ushort TypeMask = 0xF000;
    private const ushort RegularFile = 0x8000;

    // struct statx is the same on every Linux architecture (unlike struct stat); stx_mode is a u16 at offset 28.
    private const int StatxSize = 256;
    private const int StatxModeOffset = 28;

    /// <summary>Makes a rename or create inside <paramref name="directory"/> durable (a file's own fsync does not cover its name).</summary>
    public static void FlushDirectory(string directory)
    {
        var fd = Open(directory, OpenReadOnlyDirectory | OpenCloseOnExec);
        if (fd < 0)
        {
            throw new IOException($"Could not open directory '{directory}' to flush it (errno {Marshal.GetLastPInvokeError()}).");
        }

        try
        {
            if (Fsync(fd) != 0)
            {
                throw new IOException($"fsync of directory '{directory}' failed (errno {Marshal.GetLastPInvokeError()}).");
            }
        }
        finally
        {
            _ = Close(fd);
        }
    }

    /// <summary>True for a regular file; false for a FIFO, socket or device, which a copy must not open (a FIFO would block).</summary>
    public static bool IsRegularFile(string path)
    {
        var buffer = new byte[StatxSize];
        if (Statx(AtFdCwd, path, AtSymlinkNoFollow, StatxType, buffer) != 0)
        {
            throw new IOException($"Could not stat '{path}' (errno {Marshal.GetLastPInvokeError()}).");
        }

        var mode = BitConverter.ToUInt16(buffer, StatxModeOffset);
        return (mode & TypeMask) == RegularFile;
    }

    /// <summary>rename(2): atomically replaces <paramref name="destination"/> (a file or link, never followed) with <paramref name="source"/>.</summary>
    public static void Rename(string source, string destination)
    {
        if (RenameNative(source, destination) != 0)
        {
            throw new IOException($"Could not rename '{source}' to '{destination}' (errno {Marshal.GetLastPInvokeError()}).");
        }
    }

    [DllImport("libc", EntryPoint = "rename", SetLastError = true)]
    private static extern int RenameNative([MarshalAs(UnmanagedType.LPUTF8Str)] string oldPath, [MarshalAs(UnmanagedType.LPUTF8Str)] string newPath);

    [DllImport("libc", EntryPoint = "open", SetLastError = true)]
    private static extern int Open([MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags);

    [DllImport("libc", EntryPoint = "fsync", SetLastError = true)]
    private static extern int Fsync(int fd);

    [DllImport("libc", EntryPoint = "close", SetLastError = true)]
    private static extern int Close(int fd);

    [DllImport("libc", EntryPoint = "statx", SetLastError = true)]
    private static extern int Statx(int dirfd, [MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags, uint mask, [Out] byte[] buffer);
}
