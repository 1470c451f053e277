namespace CentralDispatch.Worker.Host.Files;

/// <summary>One entry of a scanned tree, by path relative to the tree's root.</summary>
internal sealed record TreeEntry(string RelativePath, TreeEntryKind Kind, UnixFileMode Mode, long Length, string? LinkTarget);
