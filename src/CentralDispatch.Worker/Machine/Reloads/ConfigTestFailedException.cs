namespace CentralDispatch.Worker.Machine.Reloads;

/// <summary>The config test failed, so the server was not reloaded; <see cref="Output"/> says which file and line.</summary>
public sealed class ConfigTestFailedException(string serverName, string untouched, string output)
    : Exception($"The {serverName}'s config test failed, so it was not reloaded ({untouched} are untouched): {Processes.ProcessFailedException.Bound(output)}")
{
    public string ServerName { get; } = serverName;

    public string Output { get; } = output;
}
