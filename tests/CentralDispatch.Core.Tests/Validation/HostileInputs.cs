namespace CentralDispatch.Core.Tests.Validation;

/// <summary>
/// The hostile-input corpus: each entry turns a valid field value into a hostile one, so that only the injected
/// part is wrong. Test cases carry the entry's name (plain ASCII) rather than the value, which may hold NUL and
/// control characters that do not belong in test names or TRX files.
/// </summary>
internal static class HostileInputs
{
    /// <summary>Letters and the Unicode characters that look like them (Cyrillic, mostly).</summary>
    private static readonly Dictionary<char, char> LookAlikes = new()
    {
        ['a'] = '\u0430', ['c'] = '\u0441', ['e'] = '\u0435', ['i'] = '\u0456', ['o'] = '\u043e',
        ['p'] = '\u0440', ['s'] = '\u0455', ['v'] = '\u0475', ['w'] = '\u051d', ['x'] = '\u0445', ['y'] = '\u0443',
    };

    private static readonly Dictionary<string, Func<string, string>> Entries = new(StringComparer.Ordinal)
    {
        ["traversal-prefix"] = v => "../" + v,
        ["traversal-deep-prefix"] = v => "../../../etc/" + v,
        ["traversal-suffix"] = v => v + "/../../etc/passwd",
        ["traversal-dot-dot-suffix"] = v => v + "/..",
        ["traversal-encoded-prefix"] = v => "..%2f..%2f" + v,
        ["traversal-encoded-suffix"] = v => v + "%2f..%2f..%2fetc",
        ["traversal-backslash-prefix"] = v => "..\\" + v,
        ["traversal-backslash-suffix"] = v => v + "\\..\\..",
        ["shell-semicolon"] = v => v + ";id",
        ["shell-pipe"] = v => v + "|id",
        ["shell-ampersand"] = v => v + "&id",
        ["shell-command-substitution"] = v => v + "$(id)",
        ["shell-backticks"] = v => v + "`id`",
        ["shell-variable"] = v => v + "${IFS}id",
        ["shell-redirect"] = v => v + ">x",
        ["shell-glob"] = v => v + "*",
        ["shell-space"] = v => v + " id",
        ["newline-command"] = v => v + "\nid",
        ["trailing-newline"] = v => v + "\n",
        ["trailing-crlf"] = v => v + "\r\n",
        ["sql-single-quote"] = v => v + "'",
        ["sql-double-quote"] = v => v + "\"",
        ["sql-comment"] = v => v + "--",
        ["sql-statement"] = v => v + "; DROP DATABASE mysql",
        ["sql-block-comment"] = v => v + "/*x*/",
        ["sql-tautology"] = v => v + "' OR '1'='1",
        ["nul-suffix"] = v => v + "\0",
        ["nul-inside"] = v => v[..1] + "\0" + v[1..],
        ["bell"] = v => v + "\a",
        ["escape-sequence"] = v => v + "\u001b[2J",
        ["tab"] = v => v + "\t",
        ["delete-character"] = v => v + "\u007f",
        ["upper-case"] = v => v.ToUpperInvariant(),
        ["upper-last-letter"] = UpperLastLetter,
        ["over-long"] = v => v + new string('x', 300),
        ["huge"] = v => v + new string('x', 70_000),
        ["cyrillic-look-alike"] = LookAlike,
        ["fullwidth-letter"] = v => Replace(v, v.LastIndexOfAny([.. "abcdefghijklmnopqrstuvwxyz"]), c => (char)(c - 'a' + '\uff41')),
        ["kelvin-sign"] = v => v + "\u212a",
        ["zero-width-space"] = v => v[..1] + "\u200b" + v[1..],
        ["zero-width-joiner"] = v => v + "\u200d",
        ["byte-order-mark"] = v => "\ufeff" + v,
        ["no-break-space"] = v => v + "\u00a0",
        ["combining-dot"] = v => v + "\u0307",
        ["right-to-left-override"] = v => "\u202e" + v,
        ["empty"] = _ => "",
        ["space"] = _ => " ",
        ["spaces"] = _ => "   ",
        ["tab-only"] = _ => "\t",
        ["newline-only"] = _ => "\n",
        ["leading-space"] = v => " " + v,
        ["trailing-space"] = v => v + " ",
    };

    public static IEnumerable<string> Names => Entries.Keys;

    /// <summary>Entries that only add or are white space, which PEM fields trim away by design.</summary>
    public static readonly IReadOnlySet<string> WhiteSpaceOnly = new HashSet<string>(StringComparer.Ordinal)
    {
        "tab", "trailing-newline", "trailing-crlf", "leading-space", "trailing-space", "no-break-space",
    };

    public static readonly IReadOnlySet<string> Blank = new HashSet<string>(StringComparer.Ordinal)
    {
        "empty", "space", "spaces", "tab-only", "newline-only",
    };

    public static string Apply(string entry, string valid) => Entries[entry](valid);

    /// <summary>Every (field, entry) pair except those the field accepts by design.</summary>
    public static TheoryData<string, string> Cases(IEnumerable<string> fields, Func<string, string, bool> acceptedByDesign)
    {
        var data = new TheoryData<string, string>();
        foreach (var field in fields)
        {
            foreach (var entry in Entries.Keys.Where(entry => !acceptedByDesign(field, entry)))
            {
                data.Add(field, entry);
            }
        }

        return data;
    }

    private static string UpperLastLetter(string v) =>
        Replace(v, v.LastIndexOfAny([.. "abcdefghijklmnopqrstuvwxyz"]), char.ToUpperInvariant);

    private static string LookAlike(string v) => Replace(v, v.LastIndexOfAny([.. LookAlikes.Keys]), c => LookAlikes[c]);

    private static string Replace(string v, int index, Func<char, char> replace)
    {
        if (index < 0)
        {
            throw new ArgumentException($"'{v}' has no letter to replace; pick a valid value with one.", nameof(v));
        }

        return v[..index] + replace(v[index]) + v[(index + 1)..];
    }
}
