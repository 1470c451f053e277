namespace CentralDispatch.Worker.Host.Files;

/// <summary>Copies a release tree into a new webroot: same relative structure, bytes and permission bits, links kept inside the tree.</summary>
public sealed class TreeCopier
{
    /// <summary>Copies <paramref name="source"/> into <paramref name="destination"/>, which must not exist yet (so a rollback may remove it whole).</summary>
    /// <exception cref="TreeCopyRefusedException">The source holds a link leaving the tree or a special file; nothing was created.</exception>
    public async Task<TreeCopyResult> CopyAsync(string source, string destination, CancellationToken cancellationToken)
    {
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

        var entries = TreeScanner.Scan(root, cancellationToken);
        var directories = entries.Where(e => e.Kind == TreeEntryKind.Directory).ToList();

        // Folders stay writable while they fill; their own modes are applied last (a read-only folder would refuse its files).
        Directory.CreateDirectory(target, FileModes.PrivateFolder);
        foreach (var directory in directories)
        {
            Directory.CreateDirectory(Path.Combine(target, directory.RelativePath), FileModes.PrivateFolder);
        }

        var files = entries.Where(e => e.Kind == TreeEntryKind.File).ToList();
        var parallel = new ParallelOptions { CancellationToken = cancellationToken, MaxDegreeOfParallelism = Math.Max(4, Environment.ProcessorCount * 2) };
        await Parallel.ForEachAsync(files, parallel, (file, _) =>
        {
            // File.Copy keeps the permission bits and uses the kernel's in-place copy where it can.
            File.Copy(Path.Combine(root, file.RelativePath), Path.Combine(target, file.RelativePath));
            return ValueTask.CompletedTask;
        });

        var links = entries.Where(e => e.Kind == TreeEntryKind.SymbolicLink).ToList();
        foreach (var link in links)
        {
            File.CreateSymbolicLink(Path.Combine(target, link.RelativePath), link.LinkTarget!);
        }

        foreach (var directory in directories)
        {
            File.SetUnixFileMode(Path.Combine(target, directory.RelativePath), directory.Mode);
        }

        File.SetUnixFileMode(target, new DirectoryInfo(root).UnixFileMode);
        return new TreeCopyResult(directories.Count, files.Count, links.Count, files.Sum(f => f.Length));
    }
}
