using System.Formats.Tar;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json;
using CentralDispatch.Worker.Host.Files;

namespace CentralDispatch.Worker.Host.Archives;

/// <summary>
/// Writes an instance archive: one .tar.gz (0600: it holds the database and the instance's config file) with the
/// SQL dump as database.sql, the release tree under webroot/, and manifest.json last, listing the SHA-256 of every file.
/// </summary>
public sealed class ArchiveWriter
{
    /// <param name="destination">A new file; it must not exist.</param>
    /// <param name="webrootTree">The tree to archive, or null when the instance has none.</param>
    /// <param name="dumpFile">The SQL dump, or null when the instance has no database.</param>
    /// <param name="header">Who is archived; the file, link and folder lists are filled in here.</param>
    /// <param name="cancellationToken">Cancels the writing; the partial file is the caller's to remove.</param>
    /// <returns>The manifest written into the archive.</returns>
    public async Task<ArchiveManifest> WriteAsync(string destination, string? webrootTree, string? dumpFile, ArchiveManifest header,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(header);
        var files = new List<ArchivedFile>();
        var links = new List<ArchivedLink>();
        var directories = new List<string>();
        var options = new FileStreamOptions
        {
            Mode = FileMode.CreateNew,
            Access = FileAccess.Write,
            UnixCreateMode = FileModes.OwnerOnly,
            Options = FileOptions.Asynchronous,
        };
        await using (var file = new FileStream(destination, options))
        {
            await using (var gzip = new GZipStream(file, CompressionLevel.Optimal, leaveOpen: true))
            await using (var tar = new TarWriter(gzip, TarEntryFormat.Pax, leaveOpen: true))
            {
                if (dumpFile is not null)
                {
                    files.Add(await AddFileAsync(tar, dumpFile, ArchiveManifest.DumpEntry, cancellationToken));
                }

                if (webrootTree is not null)
                {
                    directories.Add(ArchiveManifest.WebrootFolder);
                    await tar.WriteEntryAsync(new PaxTarEntry(TarEntryType.Directory, ArchiveManifest.WebrootFolder) { Mode = FileModes.Folder }, cancellationToken);
                    foreach (var entry in TreeScanner.Scan(webrootTree, cancellationToken).OrderBy(e => e.RelativePath, StringComparer.Ordinal))
                    {
                        var name = $"{ArchiveManifest.WebrootFolder}/{entry.RelativePath}";
                        switch (entry.Kind)
                        {
                            case TreeEntryKind.Directory:
                                directories.Add(name);
                                await tar.WriteEntryAsync(new PaxTarEntry(TarEntryType.Directory, name) { Mode = entry.Mode }, cancellationToken);
                                break;
                            case TreeEntryKind.File:
                                files.Add(await AddFileAsync(tar, Path.Combine(webrootTree, entry.RelativePath), name, cancellationToken));
                                break;
                            case TreeEntryKind.SymbolicLink:
                                links.Add(new ArchivedLink(name, entry.LinkTarget!));
                                await tar.WriteEntryAsync(new PaxTarEntry(TarEntryType.SymbolicLink, name) { LinkName = entry.LinkTarget! }, cancellationToken);
                                break;
                        }
                    }
                }

                var manifest = header with { Format = ArchiveManifest.CurrentFormat, Files = files, Links = links, Directories = directories };
                using var json = new MemoryStream(JsonSerializer.SerializeToUtf8Bytes(manifest, ArchiveJson.Options));
                await tar.WriteEntryAsync(new PaxTarEntry(TarEntryType.RegularFile, ArchiveManifest.ManifestEntry)
                {
                    DataStream = json,
                    Mode = FileModes.OwnerOnly,
                }, cancellationToken);
                header = manifest;
            }

            await file.FlushAsync(cancellationToken);
            file.Flush(flushToDisk: true);
        }

        return header;
    }

    private static async Task<ArchivedFile> AddFileAsync(TarWriter tar, string path, string name, CancellationToken cancellationToken)
    {
        // Hashed, then written from the same open file: a file replaced in between is caught when the archive is read back.
        await using var stream = File.OpenRead(path);
        var hash = Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, cancellationToken));
        stream.Position = 0;
        await tar.WriteEntryAsync(new PaxTarEntry(TarEntryType.RegularFile, name)
        {
            DataStream = stream,
            Mode = File.GetUnixFileMode(path),
            ModificationTime = File.GetLastWriteTimeUtc(path),
        }, cancellationToken);
        return new ArchivedFile(name, stream.Length, hash);
    }
}
