using System.Text;

namespace CentralDispatch.Worker.Machine.Files;

/// <summary>Writes a file so that readers see the old content or the new, never half: temp file, fsync, rename, fsync of the folder.</summary>
public static class AtomicFile
{
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    public static Task WriteTextAsync(string path, string content, UnixFileMode mode, CancellationToken cancellationToken) =>
        WriteAsync(path, Utf8NoBom.GetBytes(content), mode, group: null, cancellationToken);

    /// <summary>As <see cref="WriteTextAsync(string, string, UnixFileMode, CancellationToken)"/>, the file given to <paramref name="group"/> (null: ours).</summary>
    public static Task WriteTextAsync(string path, string content, UnixFileMode mode, uint? group, CancellationToken cancellationToken) =>
        WriteAsync(path, Utf8NoBom.GetBytes(content), mode, group, cancellationToken);

    public static Task WriteAsync(string path, ReadOnlyMemory<byte> content, UnixFileMode mode, CancellationToken cancellationToken) =>
        WriteAsync(path, content, mode, group: null, cancellationToken);

    /// <summary>The temp file is created with <paramref name="mode"/> from the start, so a private key is never readable by others, not even briefly.</summary>
    public static async Task WriteAsync(string path, ReadOnlyMemory<byte> content, UnixFileMode mode, uint? group, CancellationToken cancellationToken)
    {
        var fullPath = Path.GetFullPath(path);
        var directory = Path.GetDirectoryName(fullPath) ?? throw new ArgumentException($"'{path}' has no parent folder.", nameof(path));
        var temp = Path.Combine(directory, $".{Path.GetFileName(fullPath)}.{Guid.NewGuid():N}.tmp");
        try
        {
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, UnixCreateMode = mode, Options = FileOptions.Asynchronous };
            await using (var stream = new FileStream(temp, options))
            {
                await stream.WriteAsync(content, cancellationToken);
                stream.Flush(flushToDisk: true);
                if (group is { } gid && Native.Libc.ChangeOwner((int)stream.SafeFileHandle.DangerousGetHandle(), uint.MaxValue, gid) != 0)
                {
                    throw Native.Libc.Failure("chgrp of", temp, Native.Libc.LastError);
                }
            }

            // The umask may have removed bits from the create mode; the final mode is exactly what was asked.
            File.SetUnixFileMode(temp, mode);
            File.Move(temp, fullPath, overwrite: true);
        }
        catch
        {
            File.Delete(temp);
            throw;
        }

        NativeFileSystem.FlushDirectory(directory);
    }
}
