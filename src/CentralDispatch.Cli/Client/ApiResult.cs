namespace CentralDispatch.Cli.Client;

/// <summary>A successful answer: the typed value, and the API's JSON exactly as it came, for --output json.</summary>
public sealed record ApiResult<T>(T Value, string Json);
