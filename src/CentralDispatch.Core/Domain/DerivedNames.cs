namespace CentralDispatch.Core.Domain;

/// <summary>Names derived from an instance name, never typed by a user: database, database user, webroot folder.</summary>
public sealed record DerivedNames(string Database, string DatabaseUser, string WebrootFolder, string CronTag)
{
    /// <summary>MySQL/MariaDB limits: database names 64 characters, user names 80 (MariaDB) / 32 (MySQL 5.7+).</summary>
    public const int MaxDatabaseUserLength = 32;
    public const string Prefix = "cd_";

    public static DerivedNames For(string instanceName)
    {
        // Instance names are at most 32 characters; "cd_" plus the name with '-' as '_' fits the database
        // limit (64) always, and the user limit (32) for names up to 29 characters. Longer names keep a
        // stable hash suffix so two long names never share a user, behind "__", which no full user name
        // contains (instance names have no "--"), so a 29-character name cannot take a shortened user either.
        var body = instanceName.Replace('-', '_');
        var database = Prefix + body;
        var user = database.Length <= MaxDatabaseUserLength ? database : Shorten(database);
        return new DerivedNames(database, user, instanceName, $"centraldispatch:{instanceName}");
    }

    private static string Shorten(string name)
    {
        var hash = System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(name));
        var suffix = Convert.ToHexStringLower(hash)[..6];
        return name[..(MaxDatabaseUserLength - 8)] + "__" + suffix;
    }
}
