namespace CentralDispatch.Worker.Machine.Files;

/// <summary>The file modes the worker writes with.</summary>
public static class FileModes
{
    /// <summary>0600: private keys, secrets, files holding a token or password.</summary>
    public const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>0644: certificates, vhost files, anything the web server reads.</summary>
    public const UnixFileMode Readable = OwnerOnly | UnixFileMode.GroupRead | UnixFileMode.OtherRead;

    /// <summary>0700: folders only root (or the sandbox user) may enter, such as the secrets folder.</summary>
    public const UnixFileMode PrivateFolder = OwnerOnly | UnixFileMode.UserExecute;

    /// <summary>0755: ordinary folders the web server must traverse.</summary>
    public const UnixFileMode Folder = PrivateFolder | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute;

    /// <summary>0640: the instance config file (it holds the database password): its owner writes, the web server's group reads.</summary>
    public const UnixFileMode GroupReadable = OwnerOnly | UnixFileMode.GroupRead;

    /// <summary>
    /// The mode a copied or restored file or folder gets: its permission bits without setuid, setgid, sticky and
    /// world-write, so no release or archive can plant a set-id program or a folder anyone may write.
    /// </summary>
    public static UnixFileMode ForTree(UnixFileMode mode) =>
        mode & ~(UnixFileMode.SetUser | UnixFileMode.SetGroup | UnixFileMode.StickyBit | UnixFileMode.OtherWrite);
}
