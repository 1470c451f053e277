using CentralDispatch.Worker.Configuration;
using MySqlConnector;

namespace CentralDispatch.Worker.Machine.MariaDb;

/// <summary>How to reach the instance database server as admin: unix socket (socket authentication, no password) or TCP.</summary>
public sealed record MariaDbServer(string? SocketPath, string? Host, int Port, string AdminUser)
{
    /// <summary>Only for a TCP login. Kept out of ToString so it never reaches a log.</summary>
    public string? AdminPassword { get; init; }

    public bool UsesSocket => !string.IsNullOrEmpty(SocketPath);

    public static MariaDbServer From(DatabaseServerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new MariaDbServer(options.SocketPath, options.Host, options.Port, options.AdminUser) { AdminPassword = options.AdminPassword };
    }

    public string AdminConnectionString() => ConnectionString(AdminUser, AdminPassword, database: null);

    /// <summary>A login as <paramref name="user"/> on the same server, e.g. an instance's own user.</summary>
    public string ConnectionString(string user, string? password, string? database)
    {
        var builder = new MySqlConnectionStringBuilder
        {
            UserID = user,
            Password = password ?? string.Empty,
            Database = database ?? string.Empty,
            ConnectionTimeout = 10,
            DefaultCommandTimeout = 60,
        };
        if (UsesSocket)
        {
            builder.Server = SocketPath;
            builder.ConnectionProtocol = MySqlConnectionProtocol.UnixSocket;
        }
        else
        {
            builder.Server = Host;
            builder.Port = (uint)Port;
        }

        return builder.ConnectionString;
    }

    /// <summary>The admin's [client] option file for mariadb and mariadb-dump, so that no password is ever on a command line.</summary>
    public string ClientOptionFile() => ClientOptionFile(AdminUser, AdminPassword);

    /// <summary>The [client] option file of a login as <paramref name="user"/> on the same server, e.g. an instance's own user.</summary>
    public string ClientOptionFile(string user, string? password)
    {
        var lines = new List<string> { "[client]", $"user={OptionValue(user)}" };
        if (UsesSocket)
        {
            lines.Add($"socket={OptionValue(SocketPath!)}");
        }
        else
        {
            lines.Add($"host={OptionValue(Host!)}");
            lines.Add($"port={Port}");
            lines.Add("protocol=tcp");
        }

        if (!string.IsNullOrEmpty(password))
        {
            lines.Add($"password={OptionValue(password)}");
        }

        return string.Join('\n', lines) + "\n";
    }

    public override string ToString() => UsesSocket ? $"{AdminUser}@unix:{SocketPath}" : $"{AdminUser}@{Host}:{Port}";

    private static string OptionValue(string value) =>
        value.Any(c => c is '"' || char.IsControl(c))
            ? throw new ArgumentException("A database login value with a double quote or control character cannot be written to a client option file.", nameof(value))
            : "\"" + value.Replace("\\", "\\\\", StringComparison.Ordinal) + "\"";
}
