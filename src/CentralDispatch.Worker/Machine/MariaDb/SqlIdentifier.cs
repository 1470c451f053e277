using System.Text.RegularExpressions;

namespace CentralDispatch.Worker.Machine.MariaDb;

/// <summary>
/// Database and user names as they may appear in SQL: only [a-z0-9_], within MySQL's limits, backtick-quoted.
/// Checked before any SQL is built, so a quote, backtick or semicolon never reaches the server.
/// </summary>
public static partial class SqlIdentifier
{
    public const int MaxDatabaseLength = 64;
    public const int MaxUserLength = 32;

    [GeneratedRegex("^[a-z0-9_]+\\z", RegexOptions.CultureInvariant)]
    private static partial Regex Allowed();

    /// <returns>The name quoted for SQL, e.g. <c>`cd_shop`</c>.</returns>
    public static string Database(string name) => Quote(Check(name, MaxDatabaseLength, "database"));

    /// <returns>The name quoted for SQL.</returns>
    public static string User(string name) => Quote(Check(name, MaxUserLength, "user"));

    /// <summary>
    /// A database name as GRANT reads it: there '_' is a wildcard for any character, so the grant on cd_a_b would also
    /// cover cd_a1b. Escaping it limits the grant to exactly this database.
    /// </summary>
    public static string DatabaseInGrant(string name) => Quote(Check(name, MaxDatabaseLength, "database").Replace("_", "\\_", StringComparison.Ordinal));

    public static string Check(string name, int maxLength, string what)
    {
        if (string.IsNullOrEmpty(name) || name.Length > maxLength || !Allowed().IsMatch(name))
        {
            var shown = name is null ? "(null)" : new string(name.Take(80).Select(c => char.IsControl(c) ? '?' : c).ToArray());
            throw new ArgumentException($"'{shown}' is not a valid {what} name: use 1 to {maxLength} characters from a-z, 0-9 and '_'.", nameof(name));
        }

        return name;
    }

    private static string Quote(string checkedName) => $"`{checkedName}`";
}
