using System.Buffers.Binary;

namespace CentralDispatch.Worker.Machine.Files.Native;

/// <summary>What statx says of one entry (never followed): type, permission bits, size, identity and owner.</summary>
internal sealed record EntryStatus(EntryType Type, UnixFileMode Mode, long Size, ulong Device, ulong Inode, uint Links, uint Owner, uint Group,
    DateTimeOffset Modified)
{
    /// <summary>STATX_BASIC_STATS.</summary>
    public const uint BasicStats = 0x7ff;

    /// <summary>struct statx is 256 bytes on every Linux architecture.</summary>
    public const int BufferSize = 256;

    private const ushort TypeMask = 0xF000;
    private const ushort TypeDirectory = 0x4000;
    private const ushort TypeRegular = 0x8000;
    private const ushort TypeLink = 0xA000;

    /// <summary>Reads a struct statx filled by the kernel.</summary>
    public static EntryStatus Parse(ReadOnlySpan<byte> statx)
    {
        var mode = BinaryPrimitives.ReadUInt16LittleEndian(statx[28..]);
        var type = (mode & TypeMask) switch
        {
            TypeRegular => EntryType.RegularFile,
            TypeDirectory => EntryType.Directory,
            TypeLink => EntryType.SymbolicLink,
            _ => EntryType.Special,
        };
        var seconds = BinaryPrimitives.ReadInt64LittleEndian(statx[112..]);
        var nanoseconds = BinaryPrimitives.ReadUInt32LittleEndian(statx[120..]);
        var device = ((ulong)BinaryPrimitives.ReadUInt32LittleEndian(statx[136..]) << 32) | BinaryPrimitives.ReadUInt32LittleEndian(statx[140..]);
        return new EntryStatus(
            type,
            (UnixFileMode)(mode & 0xFFF),
            (long)BinaryPrimitives.ReadUInt64LittleEndian(statx[40..]),
            device,
            BinaryPrimitives.ReadUInt64LittleEndian(statx[32..]),
            BinaryPrimitives.ReadUInt32LittleEndian(statx[16..]),
            BinaryPrimitives.ReadUInt32LittleEndian(statx[20..]),
            BinaryPrimitives.ReadUInt32LittleEndian(statx[24..]),
            DateTimeOffset.FromUnixTimeSeconds(seconds).AddTicks(nanoseconds / 100));
    }

    /// <summary>The same file as <paramref name="other"/> (device and inode).</summary>
    public bool SameAs(EntryStatus other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return Device == other.Device && Inode == other.Inode;
    }
}
