using Microsoft.Win32.SafeHandles;

namespace CentralDispatch.Worker.Machine.Files.Native;

/// <summary>Copies the bytes of one open file into another, with the kernel's in-place copy where the file system has it.</summary>
internal static class FileContent
{
    private const int BufferSize = 128 * 1024;

    /// <summary>
    /// Copies at most <paramref name="length"/> bytes (the size when the source was opened: a file that grows meanwhile
    /// is not followed for ever) from the start of <paramref name="source"/>; returns how many were copied.
    /// </summary>
    public static async Task<long> CopyAsync(SafeFileHandle source, SafeFileHandle destination, long length, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(destination);
        var copied = 0L;
        var kernelCopy = true;
        while (copied < length)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var chunk = Math.Min(length - copied, 64L * 1024 * 1024);
            if (kernelCopy)
            {
                var done = Libc.CopyFileRange((int)source.DangerousGetHandle(), 0, (int)destination.DangerousGetHandle(), 0, (nuint)chunk, 0);
                if (done > 0)
                {
                    copied += done;
                    continue;
                }

                if (done == 0)
                {
                    break; // the source shrank
                }

                var errno = Libc.LastError;
                if (errno is Libc.EXDEV or Libc.EINVAL or Libc.ENOSYS or Libc.EOPNOTSUPP or Libc.EPERM && copied == 0)
                {
                    kernelCopy = false;
                    continue;
                }

                throw new IOException($"copy_file_range failed (errno {errno}).");
            }

            var buffer = new byte[(int)Math.Min(chunk, BufferSize)];
            var read = await RandomAccess.ReadAsync(source, buffer, copied, cancellationToken);
            if (read == 0)
            {
                break;
            }

            await RandomAccess.WriteAsync(destination, buffer.AsMemory(0, read), copied, cancellationToken);
            copied += read;
        }

        return copied;
    }
}
