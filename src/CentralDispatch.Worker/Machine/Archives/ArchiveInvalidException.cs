namespace CentralDispatch.Worker.Machine.Archives;

/// <summary>An archive that cannot be trusted: unreadable, incomplete, or not matching its manifest.</summary>
public sealed class ArchiveInvalidException(string path, string reason) : Exception($"The archive {path} is not valid: {reason}")
{
    public string ArchivePath { get; } = path;
}
