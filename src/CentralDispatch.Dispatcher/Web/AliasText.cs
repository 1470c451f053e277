namespace CentralDispatch.Dispatcher.Web;

/// <summary>The aliases of an instance as one text field holds them: separated by spaces, commas or lines.</summary>
public static class AliasText
{
    private static readonly char[] Separators = [' ', ',', '\n', '\r', '\t'];

    public static List<string?> Parse(string? text) =>
        (text ?? "").Split(Separators, StringSplitOptions.RemoveEmptyEntries).Select(a => (string?)a).ToList();

    public static string Format(IEnumerable<string> aliases) => string.Join(" ", aliases);
}
