namespace CentralDispatch.Cli.Output;

/// <summary>How a command prints its result: tables for people, the API's JSON for scripts.</summary>
public enum OutputFormat
{
    Table,
    Json,
}
