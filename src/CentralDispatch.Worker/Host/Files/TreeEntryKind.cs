namespace CentralDispatch.Worker.Host.Files;

internal enum TreeEntryKind
{
    Directory,
    File,
    SymbolicLink,
}
