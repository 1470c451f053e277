using CentralDispatch.Worker.Machine.Http;

namespace CentralDispatch.Worker.Tests.Machine.Http;

public sealed class SiteRequestTests
{
    [Theory]
    [InlineData("/")]
    [InlineData("/health.php")]
    [InlineData("/status?full=1&format=json")]
    [InlineData("/caf%C3%A9/")]
    public void PathProblem_AcceptsARootedPrintablePath(string path) => Assert.Null(SiteRequest.PathProblem(path));

    [Theory]
    [InlineData("health.php", "must start with '/'")]
    [InlineData("", "must start with '/'")]
    [InlineData(null, "must start with '/'")]
    [InlineData("https://elsewhere.example/", "must start with '/'")]
    [InlineData("/health check", "must not contain spaces")]
    [InlineData("/health\r\nHost: evil", "must not contain spaces, control characters")]
    [InlineData("/café", "must not contain spaces, control characters, '#' or non-ASCII")]
    [InlineData("/#top", "must not contain")]
    public void PathProblem_RefusesWhatIsNotARequestPath(string? path, string expected) =>
        Assert.StartsWith(expected, SiteRequest.PathProblem(path), StringComparison.Ordinal);

    [Fact]
    public void PathProblem_RefusesALongPath_WithoutRepeatingIt()
    {
        var problem = SiteRequest.PathProblem("/" + new string('a', SiteRequest.MaxPathLength));

        Assert.Equal("must be at most 256 characters (got 257)", problem);
    }
}
