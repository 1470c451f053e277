using CentralDispatch.Core.Domain;
using CentralDispatch.Testing;
using CentralDispatch.Worker.Machine.MariaDb;
using MySqlConnector;

namespace CentralDispatch.Worker.Tests.Machine.MariaDb;

/// <summary>An instance's database and user as the Deploy plan makes them (ALL on that database only), dropped at the end.</summary>
public sealed class InstanceDatabase : IAsyncDisposable
{
    private readonly MariaDbAdmin _admin;

    private InstanceDatabase(MariaDbAdmin admin, DerivedNames names)
    {
        _admin = admin;
        Database = names.Database;
        User = names.DatabaseUser;
    }

    public string Database { get; }

    public string User { get; }

    public string Password { get; } = DatabasePassword.Generate();

    public static async Task<InstanceDatabase> CreateAsync(MariaDbAdmin admin, string prefix)
    {
        ArgumentNullException.ThrowIfNull(admin);
        var created = new InstanceDatabase(admin, DerivedNames.For(TestNames.Unique(prefix)));
        await admin.CreateUserAsync(created.User, created.Password, CancellationToken.None);
        await admin.CreateDatabaseAsync(created.Database, CancellationToken.None);
        await admin.GrantAllOnDatabaseAsync(created.Database, created.User, CancellationToken.None);
        return created;
    }

    public Task<MySqlConnection> OpenAsUserAsync() => OpenAsync(_admin.Server.ConnectionString(User, Password, Database));

    public Task<MySqlConnection> OpenAsAdminAsync() => OpenAsync(_admin.Server.AdminConnectionString() + $";Database={Database}");

    public async ValueTask DisposeAsync()
    {
        await _admin.DropDatabaseIfExistsAsync(Database, CancellationToken.None);
        await _admin.DropUserIfExistsAsync(User, CancellationToken.None);
    }

    private static async Task<MySqlConnection> OpenAsync(string connectionString)
    {
        var connection = new MySqlConnection(connectionString);
        await connection.OpenAsync();
        return connection;
    }
}
