namespace CentralDispatch.Worker.Machine.Files.Native;

/// <summary>What a folder entry is, read without following it.</summary>
internal enum EntryType
{
    RegularFile,
    Directory,
    SymbolicLink,

    /// <summary>A FIFO, socket or device: never opened, copied or archived.</summary>
    Special,
}
