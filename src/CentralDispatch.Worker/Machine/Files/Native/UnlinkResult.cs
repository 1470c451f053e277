namespace CentralDispatch.Worker.Machine.Files.Native;

/// <summary>How a removal of one folder entry went.</summary>
internal enum UnlinkResult
{
    Removed,

    /// <summary>Nothing by that name (any more).</summary>
    Gone,

    /// <summary>Unlink of a folder: it must be emptied and removed as a folder.</summary>
    IsDirectory,

    /// <summary>Removal of a folder that is not empty (again: someone added to it).</summary>
    NotEmpty,

    /// <summary>Removal as a folder of what is (now) not a folder.</summary>
    NotDirectory,

    /// <summary>EACCES: the folder holding the entry is not writable for us (its owner made it read-only).</summary>
    Refused,
}
