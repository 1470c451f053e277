namespace CentralDispatch.Cli.Output;

/// <summary>Quotes words of a command line printed for the operator to paste into a POSIX shell.</summary>
public static class ShellWords
{
    public static string Quote(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        return word.Length > 0 && word.All(c => char.IsAsciiLetterOrDigit(c) || "-_./:=@%+,".Contains(c, StringComparison.Ordinal))
            ? word
            : "'" + word.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
    }

    public static string Join(params string[] words) => string.Join(' ', words.Select(Quote));
}
