using System.Security.Cryptography;
using Microsoft.Win32.SafeHandles;

namespace CentralDispatch.Worker.Machine.Archives;

/// <summary>
/// Exactly <see cref="Length"/> bytes of an open file (its size when it was opened), hashed as they are read: a file
/// that grows meanwhile is cut at that size, one that shrinks is padded with zeros (and <see cref="Changed"/> says so),
/// so the tar entry always has the size its header announces and the hash is of what the archive holds.
/// </summary>
internal sealed class HashingFileStream(SafeFileHandle file, long length) : Stream
{
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private long _position;

    public bool Changed { get; private set; }

    public override bool CanRead => true;
    public override bool CanSeek => true;
    public override bool CanWrite => false;
    public override long Length => length;

    public override long Position
    {
        get => _position;
        set => throw new NotSupportedException();
    }

    /// <summary>The SHA-256 (lower-case hex) of the bytes read, once all were read.</summary>
    public string Sha256()
    {
        if (_position != length)
        {
            throw new InvalidOperationException("The file was not read to its end.");
        }

        return Convert.ToHexStringLower(_hash.GetHashAndReset());
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var wanted = (int)Math.Min(buffer.Length, length - _position);
        if (wanted <= 0)
        {
            return 0;
        }

        var span = buffer[..wanted];
        var read = RandomAccess.Read(file, span, _position);
        if (read == 0)
        {
            span.Clear();
            read = wanted;
            Changed = true;
        }

        _hash.AppendData(span[..read]);
        _position += read;
        return read;
    }

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.FromResult(Read(buffer.Span));
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override long Seek(long offset, SeekOrigin origin) =>
        origin == SeekOrigin.Current && offset == 0 ? _position : throw new NotSupportedException();

    public override void Flush()
    {
    }

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _hash.Dispose();
        }

        base.Dispose(disposing);
    }
}
