using CentralDispatch.Worker.Machine.Files.Native;
using Microsoft.Win32.SafeHandles;

namespace CentralDispatch.Worker.Machine.Files;

/// <summary>What <see cref="TreeWalker"/> found, entry by entry; paths are relative to the tree's root, '/'-separated.</summary>
internal abstract class TreeVisitor
{
    /// <summary>A folder, before its content; false skips the content.</summary>
    public virtual ValueTask<bool> FolderAsync(string path, EntryStatus status, CancellationToken cancellationToken) => ValueTask.FromResult(true);

    /// <summary>A regular file, opened (without following a link) and checked to be regular on the open file itself.</summary>
    public abstract ValueTask FileAsync(string path, SafeFileHandle file, EntryStatus status, CancellationToken cancellationToken);

    /// <summary>A symbolic link and its target, never followed.</summary>
    public abstract ValueTask LinkAsync(string path, string target, CancellationToken cancellationToken);

    /// <summary>Something that is not taken (a FIFO, socket or device, a name that is not UTF-8, an entry swapped while it was read…).</summary>
    public abstract ValueTask SkippedAsync(string path, string reason, CancellationToken cancellationToken);
}
