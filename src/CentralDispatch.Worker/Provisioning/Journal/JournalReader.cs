using System.Text.Json;

namespace CentralDispatch.Worker.Provisioning.Journal;

/// <summary>Reads a journal file as a crash left it: a last line without its newline, or unreadable, is a torn write and ignored.</summary>
internal static class JournalReader
{
    public static async Task<JournalReadResult> ReadAsync(string path, CancellationToken cancellationToken)
    {
        byte[] bytes;
        // ReadWrite sharing: the file may be open for appending by a running job; a half-written last line is just torn.
        await using (var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete))
        {
            bytes = new byte[stream.Length];
            await stream.ReadExactlyAsync(bytes, cancellationToken);
        }

        return Parse(path, bytes);
    }

    public static JournalReadResult Parse(string path, ReadOnlySpan<byte> bytes)
    {
        var records = new List<JournalRecord>();
        var offset = 0;
        var lineNumber = 0;
        while (offset < bytes.Length)
        {
            var end = bytes[offset..].IndexOf((byte)'\n');
            if (end < 0)
            {
                break; // no newline: the write of this line never finished
            }

            lineNumber++;
            var next = offset + end + 1;
            var record = TryParse(bytes.Slice(offset, end), out var error);
            if (record is null)
            {
                if (next < bytes.Length)
                {
                    throw new JournalCorruptException(path, lineNumber, error ?? new JsonException("empty record"));
                }

                break; // the last line is unreadable: treat it as torn
            }

            records.Add(record);
            offset = next;
        }

        return new JournalReadResult(records, offset, bytes.Length);
    }

    private static JournalRecord? TryParse(ReadOnlySpan<byte> line, out Exception? error)
    {
        error = null;
        try
        {
            return JournalJson.Deserialize(line);
        }
        catch (JsonException e)
        {
            error = e;
            return null;
        }
    }
}
