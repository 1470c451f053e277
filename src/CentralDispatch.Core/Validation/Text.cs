namespace CentralDispatch.Core.Validation;

/// <summary>Character-level checks shared by the field rules.</summary>
internal static class Text
{
    public static bool IsAsciiLowerAlnum(char c) => c is (>= 'a' and <= 'z') or (>= '0' and <= '9');

    public static bool IsPrintableAscii(string value) => value.All(c => c is >= ' ' and <= '~');

    /// <summary>Quotes a user value for an error message, cut short and with control characters made visible.</summary>
    public static string Show(string value)
    {
        var shown = value.Length > 40 ? value[..40] + "…" : value;
        var chars = shown.Select(c => char.IsControl(c) ? '?' : c).ToArray();
        return "'" + new string(chars) + "'";
    }
}
