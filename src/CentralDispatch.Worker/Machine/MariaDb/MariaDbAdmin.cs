using CentralDispatch.Worker.Machine.Processes;
using MySqlConnector;

namespace CentralDispatch.Worker.Machine.MariaDb;

/// <summary>
/// Creates and removes instance databases and users. Every name goes through <see cref="SqlIdentifier"/> before SQL is
/// built; passwords travel only as command parameters (never in SQL text, logs or command lines).
/// </summary>
public sealed class MariaDbAdmin(MariaDbServer server, IProcessRunner runner)
{
    /// <summary>Instance users log in from the worker host itself.</summary>
    public const string UserHost = "localhost";

    public MariaDbServer Server => server;

    /// <returns>The server's version; throws when the admin login fails.</returns>
    public async Task<string> ServerVersionAsync(CancellationToken cancellationToken) =>
        Convert.ToString(await ScalarAsync("SELECT VERSION()", [], cancellationToken), System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty;

    public async Task<bool> UserExistsAsync(string user, CancellationToken cancellationToken)
    {
        SqlIdentifier.User(user);
        var count = await ScalarAsync("SELECT COUNT(*) FROM mysql.user WHERE User = @user AND Host = @host", [new("@user", user), new("@host", UserHost)], cancellationToken);
        return Convert.ToInt64(count, System.Globalization.CultureInfo.InvariantCulture) > 0;
    }

    /// <summary>Fails if the user exists: a user this job did not create must never be taken over (or later dropped).</summary>
    public Task CreateUserAsync(string user, string password, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(password);
        return ExecuteAsync($"CREATE USER {SqlIdentifier.User(user)}@'{UserHost}' IDENTIFIED BY @password", [new("@password", password)], cancellationToken);
    }

    /// <summary>Sets the password of a user this worker created (a resumed deploy re-applies the one it generated).</summary>
    public Task SetPasswordAsync(string user, string password, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(password);
        return ExecuteAsync($"ALTER USER {SqlIdentifier.User(user)}@'{UserHost}' IDENTIFIED BY @password", [new("@password", password)], cancellationToken);
    }

    public Task DropUserIfExistsAsync(string user, CancellationToken cancellationToken) =>
        ExecuteAsync($"DROP USER IF EXISTS {SqlIdentifier.User(user)}@'{UserHost}'", [], cancellationToken);

    public async Task<bool> DatabaseExistsAsync(string database, CancellationToken cancellationToken)
    {
        SqlIdentifier.Database(database);
        var count = await ScalarAsync("SELECT COUNT(*) FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = @name", [new("@name", database)], cancellationToken);
        return Convert.ToInt64(count, System.Globalization.CultureInfo.InvariantCulture) > 0;
    }

    /// <summary>Fails if the database exists, for the same reason as <see cref="CreateUserAsync"/>.</summary>
    public Task CreateDatabaseAsync(string database, CancellationToken cancellationToken) => CreateDatabaseAsync(database, null, cancellationToken);

    /// <summary>As <see cref="CreateDatabaseAsync(string, CancellationToken)"/>, with a schema comment (MariaDB 10.5+) naming its owner.</summary>
    public Task CreateDatabaseAsync(string database, string? comment, CancellationToken cancellationToken) =>
        comment is null
            ? ExecuteAsync($"CREATE DATABASE {SqlIdentifier.Database(database)} CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci", [], cancellationToken)
            : ExecuteAsync($"CREATE DATABASE {SqlIdentifier.Database(database)} CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci COMMENT @comment",
                [new("@comment", comment)], cancellationToken);

    /// <summary>The database's schema comment; null when the database does not exist, empty when it has none.</summary>
    public async Task<string?> DatabaseCommentAsync(string database, CancellationToken cancellationToken)
    {
        SqlIdentifier.Database(database);
        var comment = await ScalarAsync("SELECT SCHEMA_COMMENT FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = @name", [new("@name", database)], cancellationToken);
        return comment is null or DBNull ? null : Convert.ToString(comment, System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>True when <paramref name="user"/> can log in with <paramref name="password"/>: proof that the password this worker generated is the user's.</summary>
    public async Task<bool> CanLogInAsync(string user, string password, CancellationToken cancellationToken)
    {
        SqlIdentifier.User(user);
        try
        {
            await using var connection = new MySqlConnection(server.ConnectionString(user, password, database: null));
            await connection.OpenAsync(cancellationToken);
            return true;
        }
        catch (MySqlException e) when (e.ErrorCode == MySqlErrorCode.AccessDenied)
        {
            return false;
        }
    }

    /// <summary>All privileges on that one database (the '_' of its name escaped, so it matches no other database).</summary>
    public Task GrantAllOnDatabaseAsync(string database, string user, CancellationToken cancellationToken) =>
        ExecuteAsync($"GRANT ALL PRIVILEGES ON {SqlIdentifier.DatabaseInGrant(database)}.* TO {SqlIdentifier.User(user)}@'{UserHost}'", [], cancellationToken);

    public Task DropDatabaseIfExistsAsync(string database, CancellationToken cancellationToken) =>
        ExecuteAsync($"DROP DATABASE IF EXISTS {SqlIdentifier.Database(database)}", [], cancellationToken);

    /// <summary>Dumps one database (schema, data, routines, triggers, events) to a file with mariadb-dump.</summary>
    /// <remarks>Loading a dump is <see cref="DumpLoader"/>'s: never as the admin, always as the instance's own user.</remarks>
    public async Task DumpDatabaseAsync(string database, string outputFile, CancellationToken cancellationToken)
    {
        SqlIdentifier.Database(database);
        await ClientProgram.RunAsync(runner, server.ClientOptionFile(),
            options => ProcessRequest.Of("mariadb-dump", $"--defaults-file={options}", "--single-transaction", "--routines", "--triggers", "--events", "--hex-blob", $"--result-file={outputFile}", "--", database),
            cancellationToken);
    }

    private async Task ExecuteAsync(string sql, MySqlParameter[] parameters, CancellationToken cancellationToken)
    {
        await using var connection = new MySqlConnection(server.AdminConnectionString());
        await connection.OpenAsync(cancellationToken);
        await using var command = new MySqlCommand(sql, connection);
        command.Parameters.AddRange(parameters);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task<object?> ScalarAsync(string sql, MySqlParameter[] parameters, CancellationToken cancellationToken)
    {
        await using var connection = new MySqlConnection(server.AdminConnectionString());
        await connection.OpenAsync(cancellationToken);
        await using var command = new MySqlCommand(sql, connection);
        command.Parameters.AddRange(parameters);
        return await command.ExecuteScalarAsync(cancellationToken);
    }
}
