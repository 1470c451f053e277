using CentralDispatch.Worker.Tests.Deploy;
using MySqlConnector;

namespace CentralDispatch.Worker.Tests.Lifecycle;

/// <summary>Writes and reads a small table in an instance's database through the admin login.</summary>
public static class Rows
{
    public static async Task WriteAsync(SandboxWorkerFixture worker, string database, params string[] values)
    {
        await using var connection = await OpenAsync(worker, database);
        await using (var create = new MySqlCommand("CREATE TABLE customers (id INT AUTO_INCREMENT PRIMARY KEY, name VARCHAR(100) NOT NULL)", connection))
        {
            await create.ExecuteNonQueryAsync();
        }

        foreach (var value in values)
        {
            await using var insert = new MySqlCommand("INSERT INTO customers (name) VALUES (@name)", connection);
            insert.Parameters.AddWithValue("@name", value);
            await insert.ExecuteNonQueryAsync();
        }
    }

    public static async Task<IReadOnlyList<string>> ReadAsync(SandboxWorkerFixture worker, string database)
    {
        await using var connection = await OpenAsync(worker, database);
        await using var select = new MySqlCommand("SELECT name FROM customers ORDER BY id", connection);
        await using var reader = await select.ExecuteReaderAsync();
        var names = new List<string>();
        while (await reader.ReadAsync())
        {
            names.Add(reader.GetString(0));
        }

        return names;
    }

    /// <summary>A connection as the admin, on that database.</summary>
    public static async Task<MySqlConnection> OpenAsync(SandboxWorkerFixture worker, string database)
    {
        var builder = new MySqlConnectionStringBuilder(worker.Database.Server.AdminConnectionString()) { Database = database };
        var connection = new MySqlConnection(builder.ConnectionString);
        await connection.OpenAsync();
        return connection;
    }
}
