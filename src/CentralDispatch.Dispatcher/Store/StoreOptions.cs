namespace CentralDispatch.Dispatcher.Store;

/// <summary>Where the store lives: a PostgreSQL connection string, or else dispatch.db in the data folder.</summary>
public sealed class StoreOptions
{
    public const string Section = "Store";

    /// <summary>PostgreSQL connection string; empty means SQLite in <see cref="DataDirectory"/>.</summary>
    public string? Database { get; set; }

    public string DataDirectory { get; set; } = "";

    public StoreProvider Provider => string.IsNullOrWhiteSpace(Database) ? StoreProvider.Sqlite : StoreProvider.Postgres;

    public string SqlitePath => Path.Combine(DataDirectory, "dispatch.db");
}
