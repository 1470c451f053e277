namespace CentralDispatch.Worker.Configuration;

/// <summary>The instance database server; MySQL speaks the same protocol through the same client.</summary>
public enum DatabaseEngine
{
    MariaDb,
}
