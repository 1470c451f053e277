using System.Formats.Tar;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json;
using CentralDispatch.Worker.Machine.Files;

namespace CentralDispatch.Worker.Machine.Archives;

/// <summary>
/// Reads instance archives back: <see cref="VerifyAsync"/> reads every entry and checks it against the manifest
/// (nothing missing, nothing extra, every SHA-256 equal); the extract methods write parts of a verified archive.
/// </summary>
public sealed class ArchiveReader
{
    /// <returns>The manifest, once every entry matched it.</returns>
    /// <exception cref="ArchiveInvalidException">Unreadable, truncated, or not matching its manifest.</exception>
    public async Task<ArchiveManifest> VerifyAsync(string path, CancellationToken cancellationToken)
    {
        var files = new Dictionary<string, ArchivedFile>(StringComparer.Ordinal);
        var links = new Dictionary<string, string>(StringComparer.Ordinal);
        var directories = new HashSet<string>(StringComparer.Ordinal);
        ArchiveManifest? manifest = null;
        await ReadAsync(path, async (entry, name) =>
        {
            if (files.ContainsKey(name) || links.ContainsKey(name) || directories.Contains(name) || (name == ArchiveManifest.ManifestEntry && manifest is not null))
            {
                throw new ArchiveInvalidException(path, $"the entry {name} is there twice");
            }

            switch (entry.EntryType)
            {
                case TarEntryType.Directory:
                    directories.Add(name);
                    break;
                case TarEntryType.SymbolicLink:
                    ArchiveEntryNames.CheckLink(name, entry.LinkName, path);
                    links[name] = entry.LinkName;
                    break;
                case TarEntryType.RegularFile or TarEntryType.V7RegularFile when name == ArchiveManifest.ManifestEntry:
                    manifest = await JsonSerializer.DeserializeAsync<ArchiveManifest>(entry.DataStream!, ArchiveJson.Options, cancellationToken)
                               ?? throw new ArchiveInvalidException(path, "its manifest is empty");
                    break;
                case TarEntryType.RegularFile or TarEntryType.V7RegularFile:
                    var hash = entry.DataStream is null ? Convert.ToHexStringLower(SHA256.HashData([])) : Convert.ToHexStringLower(await SHA256.HashDataAsync(entry.DataStream, cancellationToken));
                    files[name] = new ArchivedFile(name, entry.Length, hash);
                    break;
                default:
                    throw new ArchiveInvalidException(path, $"the entry {name} is a {entry.EntryType}, which an instance archive never holds");
            }
        }, cancellationToken);

        if (manifest is null)
        {
            throw new ArchiveInvalidException(path, "it has no manifest.json (was it cut short?)");
        }

        Compare(path, manifest, files, links, directories);
        return manifest;
    }

    /// <summary>Extracts the webroot of a verified archive into <paramref name="destination"/>, which must not exist yet.</summary>
    public async Task ExtractWebrootAsync(string path, string destination, CancellationToken cancellationToken)
    {
        if (Path.Exists(destination))
        {
            throw new IOException($"'{destination}' already exists; an extraction only creates a new folder.");
        }

        Directory.CreateDirectory(destination, FileModes.PrivateFolder);
        var modes = new List<(string Folder, UnixFileMode Mode)>();
        var links = new List<(string Relative, string Target)>();
        await ReadAsync(path, async (entry, name) =>
        {
            if (name == ArchiveManifest.WebrootFolder)
            {
                modes.Add((destination, entry.Mode));
                return;
            }

            if (ArchiveEntryNames.BelowWebroot(name) is not { } relative)
            {
                return;
            }

            var target = Path.Combine(destination, relative);
            switch (entry.EntryType)
            {
                case TarEntryType.Directory:
                    // Writable while it fills; its own mode is applied at the end, as the tree copier does.
                    Directory.CreateDirectory(target, FileModes.PrivateFolder);
                    modes.Add((target, entry.Mode));
                    break;
                case TarEntryType.SymbolicLink:
                    // Links last: no file is ever written through a link made from the archive.
                    links.Add((relative, entry.LinkName));
                    break;
                case TarEntryType.RegularFile or TarEntryType.V7RegularFile:
                    Directory.CreateDirectory(Path.GetDirectoryName(target)!, FileModes.PrivateFolder);
                    await WriteFileAsync(entry, target, FileModes.ForTree(entry.Mode), cancellationToken);
                    break;
                default:
                    throw new ArchiveInvalidException(path, $"the entry {name} is a {entry.EntryType}, which an instance archive never holds");
            }
        }, cancellationToken);

        // A link chain that escapes only when links are followed ("d/up/../x" with d/up → "..") is refused, like in a release.
        var byPath = links.ToDictionary(l => l.Relative, l => l.Target, StringComparer.Ordinal);
        foreach (var (relative, target) in links)
        {
            if (!TreeLinks.StaysInside(relative, target, byPath))
            {
                throw new ArchiveInvalidException(path, $"the link webroot/{relative} leads to '{target}', outside the webroot");
            }
        }

        foreach (var (relative, target) in links)
        {
            File.CreateSymbolicLink(Path.Combine(destination, relative), target);
        }

        foreach (var (folder, mode) in Enumerable.Reverse(modes))
        {
            File.SetUnixFileMode(folder, FileModes.ForTree(mode));
        }
    }

    /// <summary>Writes one file entry of the archive (e.g. the SQL dump) to <paramref name="destination"/> with mode 0600.</summary>
    public async Task ExtractFileAsync(string path, string entryName, string destination, CancellationToken cancellationToken)
    {
        var found = false;
        await ReadAsync(path, async (entry, name) =>
        {
            if (name == entryName && entry.EntryType is TarEntryType.RegularFile or TarEntryType.V7RegularFile)
            {
                await WriteFileAsync(entry, destination, FileModes.OwnerOnly, cancellationToken);
                found = true;
            }
        }, cancellationToken);

        if (!found)
        {
            throw new ArchiveInvalidException(path, $"it has no {entryName}");
        }
    }

    private static async Task ReadAsync(string path, Func<TarEntry, string, Task> visit, CancellationToken cancellationToken)
    {
        try
        {
            await using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, FileOptions.Asynchronous);
            await using var gzip = new GZipStream(file, CompressionMode.Decompress);
            await using var tar = new TarReader(gzip);
            while (await tar.GetNextEntryAsync(copyData: false, cancellationToken) is { } entry)
            {
                await visit(entry, ArchiveEntryNames.Normalize(entry.Name, path));
            }
        }
        catch (Exception e) when (e is InvalidDataException or EndOfStreamException or FormatException or JsonException)
        {
            throw new ArchiveInvalidException(path, e.Message);
        }
    }

    private static async Task WriteFileAsync(TarEntry entry, string destination, UnixFileMode mode, CancellationToken cancellationToken)
    {
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, UnixCreateMode = FileModes.OwnerOnly, Options = FileOptions.Asynchronous };
        await using (var output = new FileStream(destination, options))
        {
            if (entry.DataStream is not null)
            {
                await entry.DataStream.CopyToAsync(output, cancellationToken);
            }
        }

        File.SetUnixFileMode(destination, mode);
    }

    private static void Compare(string path, ArchiveManifest manifest, Dictionary<string, ArchivedFile> files, Dictionary<string, string> links,
        HashSet<string> directories)
    {
        if (manifest.Format != ArchiveManifest.CurrentFormat)
        {
            throw new ArchiveInvalidException(path, $"its format {manifest.Format} is not {ArchiveManifest.CurrentFormat}");
        }

        foreach (var expected in manifest.Files)
        {
            if (!files.Remove(expected.Path, out var actual))
            {
                throw new ArchiveInvalidException(path, $"{expected.Path} is in the manifest but not in the archive");
            }

            if (actual.Sha256 != expected.Sha256 || actual.Size != expected.Size)
            {
                throw new ArchiveInvalidException(path, $"{expected.Path} has SHA-256 {actual.Sha256} ({actual.Size} bytes), the manifest says {expected.Sha256} ({expected.Size} bytes)");
            }
        }

        if (files.Count > 0)
        {
            throw new ArchiveInvalidException(path, $"{files.Keys.First()} is in the archive but not in its manifest");
        }

        var expectedLinks = manifest.Links.ToDictionary(l => l.Path, l => l.Target, StringComparer.Ordinal);
        if (expectedLinks.Count != links.Count || expectedLinks.Any(l => !links.TryGetValue(l.Key, out var target) || target != l.Value))
        {
            throw new ArchiveInvalidException(path, "its links do not match its manifest");
        }

        if (!directories.SetEquals(manifest.Directories))
        {
            throw new ArchiveInvalidException(path, "its folders do not match its manifest");
        }
    }
}
