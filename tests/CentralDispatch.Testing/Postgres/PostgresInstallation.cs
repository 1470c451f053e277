using System.Globalization;

namespace CentralDispatch.Testing.Postgres;

/// <summary>The PostgreSQL server programs of Debian's packages: the newest /usr/lib/postgresql/VERSION/bin.</summary>
internal sealed record PostgresInstallation(string BinFolder, int MajorVersion)
{
    public const string Root = "/usr/lib/postgresql";

    public string Program(string name) => Path.Combine(BinFolder, name);

    public static PostgresInstallation Find()
    {
        var newest = Directory.Exists(Root)
            ? Directory.EnumerateDirectories(Root)
                .Select(folder => int.TryParse(Path.GetFileName(folder), NumberStyles.None, CultureInfo.InvariantCulture, out var version)
                    ? new PostgresInstallation(Path.Combine(folder, "bin"), version)
                    : null)
                .Where(found => found is not null && File.Exists(found.Program("postgres")) && File.Exists(found.Program("initdb")))
                .MaxBy(found => found!.MajorVersion)
            : null;
        return newest ?? throw new InvalidOperationException(
            $"No PostgreSQL server under {Root}/<version>/bin. Install Debian's postgresql package (.ci/run does), "
            + $"or set {PostgresServer.ConnectionStringVariable} to the connection string of a server to use.");
    }
}
