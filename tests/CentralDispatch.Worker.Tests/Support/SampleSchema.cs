using MySqlConnector;

namespace CentralDispatch.Worker.Tests.Support;

/// <summary>
/// What a real application's database holds beyond tables: a trigger, a view, a procedure, a function and an event, made
/// by the instance's own user, plus a view made by the admin (its DEFINER is another account).
/// </summary>
public static class SampleSchema
{
    public static readonly string[] Objects = ["add_customer", "admin_view", "customer_count", "customer_names", "customers_ai", "nightly"];

    /// <param name="asInstance">A connection as the instance's user, on its database.</param>
    /// <param name="asAdmin">A connection as the admin, on the same database.</param>
    public static async Task CreateAsync(MySqlConnection asInstance, MySqlConnection asAdmin)
    {
        ArgumentNullException.ThrowIfNull(asInstance);
        ArgumentNullException.ThrowIfNull(asAdmin);
        await ExecuteAsync(asInstance,
            "CREATE TABLE customers (id INT AUTO_INCREMENT PRIMARY KEY, name VARCHAR(100) NOT NULL)",
            "CREATE TABLE audit (id INT AUTO_INCREMENT PRIMARY KEY, what VARCHAR(100) NOT NULL)",
            "CREATE TRIGGER customers_ai AFTER INSERT ON customers FOR EACH ROW INSERT INTO audit (what) VALUES (CONCAT('added ', NEW.name))",
            "CREATE VIEW customer_names AS SELECT name FROM customers",
            "CREATE PROCEDURE add_customer(IN n VARCHAR(100)) BEGIN INSERT INTO customers (name) VALUES (n); END",
            "CREATE FUNCTION customer_count() RETURNS INT READS SQL DATA BEGIN RETURN (SELECT COUNT(*) FROM customers); END",
            "CREATE EVENT nightly ON SCHEDULE EVERY 1 DAY DISABLE DO DELETE FROM audit WHERE id < 0",
            "CALL add_customer('Ada')",
            "CALL add_customer('Grace')");
        await ExecuteAsync(asAdmin, "CREATE VIEW admin_view AS SELECT COUNT(*) AS n FROM customers");
    }

    /// <summary>Uses every object as the instance's user: adds Linus through the procedure (so the trigger fires), then reads.</summary>
    public static async Task<SampleSchemaState> UseAsync(MySqlConnection asInstance)
    {
        ArgumentNullException.ThrowIfNull(asInstance);
        await ExecuteAsync(asInstance, "CALL add_customer('Linus')");
        return new SampleSchemaState(
            await ColumnAsync(asInstance, "SELECT name FROM customer_names ORDER BY name"),
            await ColumnAsync(asInstance, "SELECT what FROM audit ORDER BY id"),
            Convert.ToInt32(await ScalarAsync(asInstance, "SELECT customer_count()"), System.Globalization.CultureInfo.InvariantCulture),
            Convert.ToInt32(await ScalarAsync(asInstance, "SELECT n FROM admin_view"), System.Globalization.CultureInfo.InvariantCulture),
            (await ColumnAsync(asInstance, """
                SELECT CONCAT(name, ' ', definer) FROM (
                    SELECT TRIGGER_NAME AS name, DEFINER AS definer FROM information_schema.TRIGGERS WHERE TRIGGER_SCHEMA = DATABASE()
                    UNION ALL SELECT TABLE_NAME, DEFINER FROM information_schema.VIEWS WHERE TABLE_SCHEMA = DATABASE()
                    UNION ALL SELECT ROUTINE_NAME, DEFINER FROM information_schema.ROUTINES WHERE ROUTINE_SCHEMA = DATABASE()
                    UNION ALL SELECT EVENT_NAME, DEFINER FROM information_schema.EVENTS WHERE EVENT_SCHEMA = DATABASE()) o
                """)).Order(StringComparer.Ordinal).ToList());
    }

    /// <summary>The definer lines <see cref="UseAsync"/> should read when every object belongs to <paramref name="user"/>.</summary>
    public static IReadOnlyList<string> OwnedBy(string user) => Objects.Select(o => $"{o} {user}@localhost").ToList();

    public static async Task ExecuteAsync(MySqlConnection connection, params string[] statements)
    {
        ArgumentNullException.ThrowIfNull(connection);
        foreach (var sql in statements)
        {
            await using var command = new MySqlCommand(sql, connection);
            await command.ExecuteNonQueryAsync();
        }
    }

    private static async Task<object?> ScalarAsync(MySqlConnection connection, string sql)
    {
        await using var command = new MySqlCommand(sql, connection);
        return await command.ExecuteScalarAsync();
    }

    /// <summary>The first column of every row a query returns, as strings.</summary>
    public static async Task<IReadOnlyList<string>> ColumnAsync(MySqlConnection connection, string sql)
    {
        ArgumentNullException.ThrowIfNull(connection);
        await using var command = new MySqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var values = new List<string>();
        while (await reader.ReadAsync())
        {
            values.Add(reader.GetString(0));
        }

        return values;
    }
}
