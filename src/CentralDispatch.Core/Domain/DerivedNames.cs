namespace CentralDispatch.Core.Domain;

/// <summary>
/// Names derived from an instance name, never typed by a user: database, database user, webroot folder, cron tag, and
/// the Linux user and group its PHP runs as.
/// </summary>
public sealed record DerivedNames(string Database, string DatabaseUser, string WebrootFolder, string CronTag, string LinuxUser)
{
    /// <summary>MySQL/MariaDB limits: database names 64 characters, user names 80 (MariaDB) / 32 (MySQL 5.7+).</summary>
    public const int MaxDatabaseUserLength = 32;
    public const string Prefix = "cd_";

    /// <summary>useradd's limit on a user (and group) name.</summary>
    public const int MaxLinuxUserLength = 32;

    public const string LinuxUserPrefix = "cd-";

    public static DerivedNames For(string instanceName)
    {
        // Instance names are at most 32 characters; "cd_" plus the name with '-' as '_' fits the database
        // limit (64) always, and the user limit (32) for names up to 29 characters. Longer names keep a
        // stable hash suffix so two long names never share a user, behind "__", which no full user name
        // contains (instance names have no "--"), so a 29-character name cannot take a shortened user either.
        var body = instanceName.Replace('-', '_');
        var database = Prefix + body;
        var user = database.Length <= MaxDatabaseUserLength ? database : Shorten(database);
        return new DerivedNames(database, user, instanceName, $"centraldispatch:{instanceName}", LinuxUserOf(instanceName));
    }

    /// <summary>
    /// "cd-" and the instance name; a name too long for the 32 characters of a Linux user keeps its first 21 characters and
    /// a stable hash behind "--", which no full name contains (instance names have no "--"), so two never share a user.
    /// </summary>
    private static string LinuxUserOf(string instanceName)
    {
        var user = LinuxUserPrefix + instanceName;
        if (user.Length <= MaxLinuxUserLength)
        {
            return user;
        }

        var hash = System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(instanceName));
        return user[..(MaxLinuxUserLength - 8)] + "--" + Convert.ToHexStringLower(hash)[..6];
    }

    private static string Shorten(string name)
    {
        var hash = System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(name));
        var suffix = Convert.ToHexStringLower(hash)[..6];
        return name[..(MaxDatabaseUserLength - 8)] + "__" + suffix;
    }
}
