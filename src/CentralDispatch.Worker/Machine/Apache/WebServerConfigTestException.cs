namespace CentralDispatch.Worker.Machine.Apache;

/// <summary>The config test failed, so the web server was not reloaded; <see cref="Output"/> says which file and line.</summary>
public sealed class WebServerConfigTestException(string output)
    : Exception($"The web server's config test failed, so it was not reloaded (the running sites are untouched): {Processes.ProcessFailedException.Bound(output)}")
{
    public string Output { get; } = output;
}
