namespace CentralDispatch.Bench.Queue;

/// <summary>A store to benchmark: its label, and the PostgreSQL connection string (null for SQLite).</summary>
public sealed record StoreUnderTest(string Label, string? Postgres);
