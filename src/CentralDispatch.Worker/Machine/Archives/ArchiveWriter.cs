using System.Formats.Tar;
using System.IO.Compression;
using System.Text.Json;
using CentralDispatch.Worker.Machine.Files;
using CentralDispatch.Worker.Machine.Files.Native;
using Microsoft.Win32.SafeHandles;

namespace CentralDispatch.Worker.Machine.Archives;

/// <summary>
/// Writes an instance archive: one .tar.gz (0600: it holds the database) with the SQL dump as database.sql, the
/// release tree under webroot/, and manifest.json last, listing the SHA-256 of every file. The live tree belongs to
/// the tenant, who may be changing it meanwhile: it is read through <see cref="TreeWalker"/> (nothing outside it is
/// ever opened), each file is hashed as it is written, and what an archive never holds (FIFOs, sockets, devices, links
/// leaving the tree, names a restore could not write back) is skipped and listed in the manifest's Skipped.
/// </summary>
public sealed class ArchiveWriter
{
    /// <param name="destination">A new file; it must not exist.</param>
    /// <param name="webrootTree">The tree to archive, or null when the instance has none.</param>
    /// <param name="dumpFile">The SQL dump, or null when the instance has no database.</param>
    /// <param name="header">Who is archived; the file, link, folder and skipped lists are filled in here.</param>
    /// <param name="cancellationToken">Cancels the writing; the partial file is the caller's to remove.</param>
    /// <returns>The manifest written into the archive.</returns>
    public async Task<ArchiveManifest> WriteAsync(string destination, string? webrootTree, string? dumpFile, ArchiveManifest header,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(header);
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
                var entries = new Entries(tar);
                if (dumpFile is not null)
                {
                    using var dump = File.OpenHandle(dumpFile);
                    await entries.AddFileAsync(ArchiveManifest.DumpEntry, dump, RandomAccess.GetLength(dump), FileModes.OwnerOnly,
                        File.GetLastWriteTimeUtc(dumpFile), cancellationToken);
                }

                if (webrootTree is not null)
                {
                    await entries.AddTreeAsync(webrootTree, cancellationToken);
                }

                header = header with
                {
                    Format = ArchiveManifest.CurrentFormat,
                    Files = entries.Files,
                    Links = entries.Links,
                    Directories = entries.Directories,
                    Skipped = entries.Skipped,
                };
                using var json = new MemoryStream(JsonSerializer.SerializeToUtf8Bytes(header, ArchiveJson.Options));
                await tar.WriteEntryAsync(new PaxTarEntry(TarEntryType.RegularFile, ArchiveManifest.ManifestEntry)
                {
                    DataStream = json,
                    Mode = FileModes.OwnerOnly,
                }, cancellationToken);
            }

            await file.FlushAsync(cancellationToken);
            file.Flush(flushToDisk: true);
        }

        return header;
    }

    /// <summary>The entries written so far, and the walk of the webroot that adds to them.</summary>
    private sealed class Entries(TarWriter tar) : TreeVisitor
    {
        private readonly Dictionary<string, string> _links = new(StringComparer.Ordinal);
        private uint _treeOwner;

        public List<ArchivedFile> Files { get; } = [];
        public List<ArchivedLink> Links { get; } = [];
        public List<string> Directories { get; } = [];
        public List<SkippedEntry> Skipped { get; } = [];

        public async Task AddTreeAsync(string tree, CancellationToken cancellationToken)
        {
            using (var root = DirectoryHandle.Open(tree))
            {
                _treeOwner = root.Status().Owner;
            }

            Directories.Add(ArchiveManifest.WebrootFolder);
            await tar.WriteEntryAsync(new PaxTarEntry(TarEntryType.Directory, ArchiveManifest.WebrootFolder) { Mode = FileModes.Folder }, cancellationToken);
            await TreeWalker.WalkAsync(tree, this, cancellationToken);

            // Links last, once every link of the tree is known: where one leads may depend on another.
            foreach (var (path, target) in _links.OrderBy(l => l.Key, StringComparer.Ordinal))
            {
                var name = Entry(path);
                if (!TreeLinks.StaysInside(path, target, _links) || !ArchiveEntryNames.LinkStaysInside(name, target))
                {
                    Skipped.Add(new SkippedEntry(name, $"a link to '{target}', outside the tree"));
                    continue;
                }

                Links.Add(new ArchivedLink(name, target));
                await tar.WriteEntryAsync(new PaxTarEntry(TarEntryType.SymbolicLink, name) { LinkName = target }, cancellationToken);
            }
        }

        public async Task AddFileAsync(string name, SafeFileHandle file, long size, UnixFileMode mode, DateTimeOffset modified, CancellationToken cancellationToken)
        {
            await using var content = new HashingFileStream(file, size);
            await tar.WriteEntryAsync(new PaxTarEntry(TarEntryType.RegularFile, name)
            {
                DataStream = content,
                Mode = mode,
                ModificationTime = modified,
            }, cancellationToken);
            Files.Add(new ArchivedFile(name, size, content.Sha256()));
            if (content.Changed)
            {
                Skipped.Add(new SkippedEntry(name, "it shrank while it was archived; the missing end is zeros"));
            }
        }

        public override async ValueTask<bool> FolderAsync(string path, EntryStatus status, CancellationToken cancellationToken)
        {
            if (!Takes(path))
            {
                return false;
            }

            var name = Entry(path);
            Directories.Add(name);
            await tar.WriteEntryAsync(new PaxTarEntry(TarEntryType.Directory, name) { Mode = status.Mode }, cancellationToken);
            return true;
        }

        public override async ValueTask FileAsync(string path, SafeFileHandle file, EntryStatus status, CancellationToken cancellationToken)
        {
            if (!Takes(path))
            {
                return;
            }

            if (status.Links > 1 && status.Owner != _treeOwner)
            {
                // A hard link to someone else's file (another tenant's, or root's where protected_hardlinks is off).
                Skipped.Add(new SkippedEntry(Entry(path), "a hard link to a file of another user"));
                return;
            }

            await AddFileAsync(Entry(path), file, status.Size, status.Mode, status.Modified, cancellationToken);
        }

        public override ValueTask LinkAsync(string path, string target, CancellationToken cancellationToken)
        {
            if (Takes(path))
            {
                _links[path] = target;
            }

            return ValueTask.CompletedTask;
        }

        public override ValueTask SkippedAsync(string path, string reason, CancellationToken cancellationToken)
        {
            Skipped.Add(new SkippedEntry(Entry(path), reason));
            return ValueTask.CompletedTask;
        }

        /// <summary>A name the archive reader would refuse (a control character, a backslash) is skipped, not archived.</summary>
        private bool Takes(string path)
        {
            if (ArchiveEntryNames.IsSafe(path))
            {
                return true;
            }

            Skipped.Add(new SkippedEntry(Entry(new string([.. path.Select(c => char.IsControl(c) ? '?' : c)])), "its name holds a control character or a backslash"));
            return false;
        }

        private static string Entry(string path) => $"{ArchiveManifest.WebrootFolder}/{path}";
    }
}
