using CentralDispatch.Worker.Machine.Files;

namespace CentralDispatch.Worker.Machine.Archives;

/// <summary>
/// The manifest.json of an instance archive: who was archived, and every file with its size and SHA-256, every link
/// and folder. An archive is valid only when its entries match this list exactly. <see cref="Skipped"/> lists what
/// the live tree held that an archive never takes (special files, links leaving the tree…), for the operator.
/// </summary>
public sealed record ArchiveManifest(
    int Format,
    string Instance,
    string Hostname,
    IReadOnlyList<string> Aliases,
    string Release,
    string BackendEmail,
    string? Database,
    DateTimeOffset CreatedAt,
    long JobId,
    IReadOnlyList<ArchivedFile> Files,
    IReadOnlyList<ArchivedLink> Links,
    IReadOnlyList<string> Directories,
    IReadOnlyList<SkippedEntry>? Skipped = null)
{
    public const int CurrentFormat = 1;
    public const string ManifestEntry = "manifest.json";
    public const string DumpEntry = "database.sql";
    public const string WebrootFolder = "webroot";

    public bool HasDump => Files.Any(f => f.Path == DumpEntry);

    public bool HasWebroot => Directories.Contains(WebrootFolder);
}

/// <summary>A regular file in an archive: its entry name, size and SHA-256 (lower-case hex).</summary>
public sealed record ArchivedFile(string Path, long Size, string Sha256);

/// <summary>A symbolic link in an archive's webroot: relative, inside the tree.</summary>
public sealed record ArchivedLink(string Path, string Target);
