using System.Text;
using System.Text.RegularExpressions;

namespace CentralDispatch.Worker.Machine.MariaDb;

/// <summary>
/// Streams a mariadb-dump file, setting the DEFINER of every trigger, event, routine and view to one account: the
/// instance's own user, which is all a restore may load as. Only the clauses in the shapes mariadb-dump writes them, at
/// the start of a line, are rewritten; every other byte passes unchanged, however long its line. A DEFINER this does not
/// recognise is not a hole: the server refuses any definer but the loading user itself (SET USER is never granted), and
/// the load fails naming the line.
/// </summary>
public static partial class DumpDefiners
{
    /// <summary>How far into a line a clause may end: longer than any lead + quoted user (80) and host (255) of 4-byte characters, doubled quotes.</summary>
    public const int MaxHeadLength = 4096;

    private const string Quoted = "(?:`(?:[^`]|``)*`|\"(?:[^\"]|\"\")*\")";
    private const string Definer = $"(?<definer>{Quoted}(?:@{Quoted})?)";

    // Triggers, events, routines (packages too) and views, exactly as mariadb-dump 10.x writes them.
    [GeneratedRegex(
        $@"\A(?:/\*!50003 CREATE\*/ /\*!50017 DEFINER={Definer}\*/ /\*!50003 TRIGGER "
        + $@"|/\*!50106 CREATE\*/ /\*!50117 DEFINER={Definer}\*/ /\*!50106 EVENT "
        + $@"|CREATE DEFINER={Definer} (?:AGGREGATE )?(?:FUNCTION|PROCEDURE|PACKAGE) "
        + $@"|/\*!50013 DEFINER={Definer} SQL SECURITY (?:DEFINER|INVOKER) \*/)",
        RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex Clause();

    /// <param name="source">The dump.</param>
    /// <param name="destination">Receives the dump with its DEFINER clauses rewritten.</param>
    /// <param name="definer">The account every clause names afterwards, already quoted (e.g. <c>`cd_shop`@`localhost`</c>).</param>
    /// <param name="cancellationToken">Stops the copy.</param>
    /// <param name="bufferSize">How much is read at once; at least twice <see cref="MaxHeadLength"/>.</param>
    public static async Task<DefinerRewrites> RewriteAsync(Stream source, Stream destination, string definer, CancellationToken cancellationToken,
        int bufferSize = 81920)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(destination);
        ArgumentException.ThrowIfNullOrEmpty(definer);
        var replacement = Encoding.UTF8.GetBytes(definer);
        var buffer = new byte[Math.Max(bufferSize, 2 * MaxHeadLength)];
        var originals = new List<string>();
        var count = 0;
        int start = 0, end = 0;
        var endOfInput = false;
        var atLineStart = true;
        while (true)
        {
            if (atLineStart)
            {
                // Enough of the line to decide: its end, MaxHeadLength bytes, or the end of the input.
                while (!endOfInput && end - start < MaxHeadLength && buffer.AsSpan(start, end - start).IndexOf((byte)'\n') < 0)
                {
                    (start, end) = Compact(buffer, start, end);
                    var read = await source.ReadAsync(buffer.AsMemory(end), cancellationToken);
                    endOfInput = read == 0;
                    end += read;
                }

                if (start == end)
                {
                    break;
                }

                atLineStart = false;
                if (Match(buffer.AsSpan(start, Math.Min(end - start, MaxHeadLength))) is { } clause)
                {
                    await destination.WriteAsync(buffer.AsMemory(start, clause.Index), cancellationToken);
                    await destination.WriteAsync(replacement, cancellationToken);
                    start += clause.Index + clause.Length;
                    count++;
                    if (!originals.Contains(clause.Original, StringComparer.Ordinal))
                    {
                        originals.Add(clause.Original);
                    }
                }
            }

            var newline = buffer.AsSpan(start, end - start).IndexOf((byte)'\n');
            if (newline >= 0)
            {
                await destination.WriteAsync(buffer.AsMemory(start, newline + 1), cancellationToken);
                start += newline + 1;
                atLineStart = true;
                continue;
            }

            // The middle of a long line (a big INSERT): passed on as it comes.
            await destination.WriteAsync(buffer.AsMemory(start, end - start), cancellationToken);
            start = end = 0;
            if (endOfInput)
            {
                break;
            }

            end = await source.ReadAsync(buffer, cancellationToken);
            endOfInput = end == 0;
            if (endOfInput)
            {
                break;
            }
        }

        return count == 0 ? DefinerRewrites.None : new DefinerRewrites(count, originals);
    }

    private static (int Start, int End) Compact(byte[] buffer, int start, int end)
    {
        if (start == 0)
        {
            return (start, end);
        }

        Buffer.BlockCopy(buffer, start, buffer, 0, end - start);
        return (0, end - start);
    }

    /// <returns>Where the definer account of a clause starting the line is, and what it said; null when the line starts none.</returns>
    private static FoundClause? Match(ReadOnlySpan<byte> window)
    {
        var newline = window.IndexOf((byte)'\n');
        var head = newline >= 0 ? window[..newline] : window;
        if (!head.StartsWith("/*!50"u8) && !head.StartsWith("CREATE DEFINER="u8))
        {
            return null;
        }

        // Latin-1 maps each byte to one char, so string positions are byte positions, whatever the encoding of the names.
        var match = Clause().Match(Encoding.Latin1.GetString(head));
        if (!match.Success)
        {
            return null;
        }

        var definer = match.Groups["definer"];
        return new FoundClause(definer.Index, definer.Length, Shown(head.Slice(definer.Index, definer.Length)));
    }

    private static string Shown(ReadOnlySpan<byte> account)
    {
        var text = Encoding.UTF8.GetString(account);
        var shown = new string(text.Select(c => char.IsControl(c) ? '?' : c).Take(120).ToArray());
        return shown.Length < text.Length ? shown + "…" : shown;
    }

    private sealed record FoundClause(int Index, int Length, string Original);
}
