namespace CentralDispatch.Testing;

/// <summary>Unique names per test, so tests never collide on instances, databases or folders.</summary>
public static class TestNames
{
    /// <summary>A valid instance or worker name: <paramref name="prefix"/> plus a random suffix, at most 32 characters.</summary>
    public static string Unique(string prefix = "t")
    {
        var suffix = Guid.NewGuid().ToString("N")[..10];
        var name = $"{prefix}-{suffix}";
        return name.Length <= 32 ? name : name[..32].TrimEnd('-');
    }

    public static string Hostname(string name) => $"{name}.test.example";

    /// <summary>A unique lower-case database name, such as <c>db_3f2a9c01b7e4</c>.</summary>
    public static string Database(string prefix = "db") => $"{prefix}_{Guid.NewGuid().ToString("N")[..12]}";
}
