namespace CentralDispatch.Dispatcher.Store;

/// <summary>
/// The dispatcher's data folder (SQLite store, key ring) is its owner's alone: created 0700, the files kept in it 0600
/// and its own subfolders 0700, whatever the process umask.
/// </summary>
public static class DataFolder
{
    public const UnixFileMode PrivateFolderMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    public const UnixFileMode PrivateFileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    private const UnixFileMode ReadOrWriteByOthers =
        UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.OtherRead | UnixFileMode.OtherWrite;

    /// <summary>
    /// Creates <paramref name="folder"/> 0700. An existing folder loses read and write for group and others (a 0755
    /// folder of an older version becomes 0711); their search bit stays, which a sandbox worker placed inside needs.
    /// A shared folder (sticky bit, such as /tmp) is left alone. Returns what was changed or left, for the log.
    /// </summary>
    public static string? Secure(string folder)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(folder);
            return null;
        }

        if (!Directory.Exists(folder))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(folder))!);
            Directory.CreateDirectory(folder, PrivateFolderMode);
            return null;
        }

        var mode = File.GetUnixFileMode(folder);
        if ((mode & ReadOrWriteByOthers) == 0)
        {
            return null;
        }

        if (mode.HasFlag(UnixFileMode.StickyBit))
        {
            return $"The data folder {folder} is a shared folder (mode {Octal(mode)}) and was left as it is; give the dispatcher a folder of its own.";
        }

        var tightened = mode & ~ReadOrWriteByOthers;
        File.SetUnixFileMode(folder, tightened);
        return $"The data folder {folder} was mode {Octal(mode)}; group and others may no longer list or change it (now {Octal(tightened)}).";
    }

    /// <summary>A folder of the dispatcher's own inside the data folder: created, or set, 0700.</summary>
    public static void SecureSubfolder(string folder)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(folder);
            return;
        }

        Directory.CreateDirectory(folder, PrivateFolderMode);
        File.SetUnixFileMode(folder, PrivateFolderMode);
    }

    /// <summary>Sets each existing file to 0600; with <paramref name="create"/>, the first is created (empty) 0600 when missing.</summary>
    public static void SecureFiles(bool create, params string[] files)
    {
        ArgumentNullException.ThrowIfNull(files);
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        if (create && files.Length > 0 && !File.Exists(files[0]))
        {
            using var _ = new FileStream(files[0], PrivateFileOptions(FileAccess.Write, FileShare.ReadWrite));
        }

        foreach (var file in files.Where(File.Exists))
        {
            File.SetUnixFileMode(file, PrivateFileMode);
        }
    }

    /// <summary>Open or create a file; when created, it is 0600 from the start.</summary>
    public static FileStreamOptions PrivateFileOptions(FileAccess access, FileShare share)
    {
        var options = new FileStreamOptions { Mode = FileMode.OpenOrCreate, Access = access, Share = share };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = PrivateFileMode;
        }

        return options;
    }

    public static string Octal(UnixFileMode mode) => Convert.ToString((int)mode, 8).PadLeft(4, '0');
}
