using System.Net;
using CentralDispatch.Cli.Client;

namespace CentralDispatch.Cli.Tests.Client;

public sealed class ProblemLineTests
{
    [Fact]
    public void ValidationProblem_BecomesOneLine_NamingTheCliOptionOfEachField()
    {
        const string body = """
            {"title":"One or more validation errors occurred.","status":400,"detail":"One or more fields are not valid.",
             "errors":{"hostname":["Not a host name."],"aliases[1]":["Duplicate."],"backendEmail":["Not an e-mail address."]}}
            """;

        var line = ProblemLine.Format(HttpStatusCode.BadRequest, body);

        Assert.Equal("One or more fields are not valid; --hostname: Not a host name; --alias: Duplicate; --backend-email: Not an e-mail address", line);
    }

    [Fact]
    public void ConflictNamingItsField_SaysTheMessageOnce()
    {
        const string body = """{"title":"Conflict","status":409,"detail":"'a.example.com' is already served by instance 'b'.","errors":{"hostname":["'a.example.com' is already served by instance 'b'."]}}""";

        Assert.Equal("'a.example.com' is already served by instance 'b'.", ProblemLine.Format(HttpStatusCode.Conflict, body));
    }

    [Fact]
    public void Unauthorized_SaysHowToLogIn()
    {
        var line = ProblemLine.Format(HttpStatusCode.Unauthorized, """{"title":"Unauthorized","status":401}""");

        Assert.StartsWith("the dispatcher refused the API token (401 Unauthorized)", line, StringComparison.Ordinal);
        Assert.Contains("dispatch login", line, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, "the dispatcher answered 502 BadGateway")]
    [InlineData("<html>\n<body>Bad gateway</body>\n</html>", "<html> <body>Bad gateway</body> </html>")]
    public void BodyThatIsNoProblem_StillGivesOneLine(string? body, string expected)
    {
        Assert.Equal(expected, ProblemLine.Format(HttpStatusCode.BadGateway, body));
    }
}
