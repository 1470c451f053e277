using System.Text;

namespace CentralDispatch.Worker.Machine.Files.Native;

/// <summary>
/// One entry name of a folder, as the kernel has it: bytes, never a path (no '/'), not necessarily UTF-8. A tenant may
/// make names that are not UTF-8; such an entry can still be removed or given away, because its bytes are kept as they are.
/// </summary>
internal sealed class FileName
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private FileName(byte[] terminated, string? text)
    {
        Terminated = terminated;
        Text = text;
    }

    /// <summary>The name followed by a NUL, as the *at calls take it.</summary>
    public byte[] Terminated { get; }

    /// <summary>The name as text, or null when it is not valid UTF-8.</summary>
    public string? Text { get; }

    /// <summary>A name from a folder listing (without its NUL).</summary>
    public static FileName FromBytes(ReadOnlySpan<byte> name)
    {
        var terminated = new byte[name.Length + 1];
        name.CopyTo(terminated);
        string? text;
        try
        {
            text = StrictUtf8.GetString(name);
        }
        catch (DecoderFallbackException)
        {
            text = null;
        }

        return new FileName(terminated, text);
    }

    /// <summary>A name given as text; a '/', NUL, "." or ".." is refused (a name is one entry, never a path).</summary>
    public static FileName Of(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (name is "." or ".." || name.Contains('/', StringComparison.Ordinal) || name.Contains('\0', StringComparison.Ordinal))
        {
            throw new ArgumentException($"'{name}' is not a single file name.", nameof(name));
        }

        return new FileName(Libc.PathBytes(name), name);
    }

    /// <summary>For messages: the text, or the name with its bytes that are not UTF-8 replaced.</summary>
    public override string ToString() => Text ?? Encoding.UTF8.GetString(Terminated, 0, Terminated.Length - 1);
}
