using CentralDispatch.Worker.Machine.Files.Native;
using Microsoft.Win32.SafeHandles;

namespace CentralDispatch.Worker.Machine.Files;

/// <summary>
/// Copies a release tree into a new webroot: same relative structure, bytes and permission bits (without set-id,
/// sticky and world-write), links kept inside the tree. The source is read through <see cref="TreeWalker"/>, so a
/// source someone else can write never leads the copy outside it; the destination is a new folder only we can write
/// until the copy is done.
/// </summary>
public sealed class TreeCopier
{
    /// <summary>Copies <paramref name="source"/> into <paramref name="destination"/>, which must not exist yet (so a rollback may remove it whole).</summary>
    /// <exception cref="TreeCopyRefusedException">
    /// The source holds a link leaving the tree, a special file, a name that is not UTF-8 or an entry that changed while
    /// it was read; what was copied so far is removed again.
    /// </exception>
    public async Task<TreeCopyResult> CopyAsync(string source, string destination, CancellationToken cancellationToken)
    {
        // The release folder itself may be a link (an operator's choice, e.g. to a checkout); inside it nothing is followed.
        var root = Path.GetFullPath(Directory.ResolveLinkTarget(source, returnFinalTarget: true)?.FullName ?? source).TrimEnd('/');
        var target = Path.GetFullPath(destination).TrimEnd('/');
        if (!Directory.Exists(root))
        {
            throw new DirectoryNotFoundException($"The release folder '{source}' does not exist.");
        }

        if (Path.Exists(target))
        {
            throw new IOException($"'{destination}' already exists; a copy only creates a new folder.");
        }

        // Folders stay writable while they fill; their own modes are applied last (a read-only folder would refuse its files).
        Directory.CreateDirectory(target, FileModes.PrivateFolder);
        try
        {
            var copy = new Copy(root, target);
            await TreeWalker.WalkAsync(root, copy, cancellationToken);
            return copy.Finish(new DirectoryInfo(root).UnixFileMode);
        }
        catch
        {
            TreeRemoval.RemoveFolder(target);
            throw;
        }
    }

    private sealed class Copy(string root, string destinationRoot) : TreeVisitor
    {
        private readonly List<(string Path, UnixFileMode Mode)> _folders = [];
        private readonly Dictionary<string, string> _links = new(StringComparer.Ordinal);
        private int _files;
        private long _bytes;

        public override ValueTask<bool> FolderAsync(string path, EntryStatus status, CancellationToken cancellationToken)
        {
            Directory.CreateDirectory(Path.Combine(destinationRoot, path), FileModes.PrivateFolder);
            _folders.Add((path, status.Mode));
            return ValueTask.FromResult(true);
        }

        public override async ValueTask FileAsync(string path, SafeFileHandle file, EntryStatus status, CancellationToken cancellationToken)
        {
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, UnixCreateMode = FileModes.OwnerOnly };
            await using (var output = new FileStream(Path.Combine(destinationRoot, path), options))
            {
                _bytes += await FileContent.CopyAsync(file, output.SafeFileHandle, status.Size, cancellationToken);
            }

            File.SetUnixFileMode(Path.Combine(destinationRoot, path), FileModes.ForTree(status.Mode));
            _files++;
        }

        public override ValueTask LinkAsync(string path, string target, CancellationToken cancellationToken)
        {
            _links[path] = target;
            return ValueTask.CompletedTask;
        }

        public override ValueTask SkippedAsync(string path, string reason, CancellationToken cancellationToken) =>
            throw new TreeCopyRefusedException($"'{path}' in '{root}' cannot be copied: {reason}; remove it from the release.");

        public TreeCopyResult Finish(UnixFileMode rootMode)
        {
            foreach (var (path, linkTarget) in _links.OrderBy(l => l.Key, StringComparer.Ordinal))
            {
                if (linkTarget.StartsWith('/'))
                {
                    throw new TreeCopyRefusedException($"'{path}' in '{root}' is an absolute link to '{linkTarget}'; only relative links inside the release are copied.");
                }

                if (!TreeLinks.StaysInside(path, linkTarget, _links))
                {
                    throw new TreeCopyRefusedException($"'{path}' in '{root}' links to '{linkTarget}', outside the release; only links inside the release are copied.");
                }

                File.CreateSymbolicLink(Path.Combine(destinationRoot, path), linkTarget);
            }

            foreach (var (path, mode) in Enumerable.Reverse(_folders))
            {
                File.SetUnixFileMode(Path.Combine(destinationRoot, path), FileModes.ForTree(mode));
            }

            File.SetUnixFileMode(destinationRoot, FileModes.ForTree(rootMode));
            return new TreeCopyResult(_folders.Count, _files, _links.Count, _bytes);
        }
    }
}
