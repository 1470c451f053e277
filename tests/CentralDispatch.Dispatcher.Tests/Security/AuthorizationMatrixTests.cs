using System.Net;
using System.Text.RegularExpressions;
using CentralDispatch.Dispatcher.Tests.Infrastructure;
using CentralDispatch.Dispatcher.Web;
using CentralDispatch.Testing.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace CentralDispatch.Dispatcher.Tests.Security;

/// <summary>
/// Every route the dispatcher maps but the web UI's, called without, with a wrong, and with the other role's credential.
/// The UI's routes redirect to sign-in instead (tests/CentralDispatch.Web.Tests/Access).
/// </summary>
public sealed partial class AuthorizationMatrixTests(DispatcherFixture fixture) : IClassFixture<DispatcherFixture>
{
    private readonly DispatcherTestHost _host = fixture.Host;

    [Fact]
    public async Task EveryRouteButHealthz_RefusesMissingAndWrongTokens_With401()
    {
        var routes = Routes();
        Assert.True(routes.Count >= 20, $"Only {routes.Count} routes found; the route table was not read.");
        var anonymous = _host.Client();
        var wrong = _host.Client("cda_this-token-does-not-exist-anywhere");
        var wrongWorker = _host.Client("cdw_this-token-does-not-exist-anywhere");

        foreach (var (method, path) in routes)
        {
            foreach (var client in new[] { anonymous, wrong, wrongWorker })
            {
                var response = await client.SendAsync(Request(method, path));
                Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{method} {path} answered {(int)response.StatusCode}");
            }
        }
    }

    [Fact]
    public async Task AdminRoutes_RefuseWorkerTokens_AndAgentRoutes_RefuseAdminTokens_With403()
    {
        var (_, agent) = await _host.OnlineWorkerAsync();
        var admin = _host.Admin();

        foreach (var (method, path) in Routes())
        {
            var isAgentRoute = path.StartsWith("/api/v1/agent/", StringComparison.Ordinal);
            var response = await (isAgentRoute ? admin : agent).SendAsync(Request(method, path));
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{method} {path} answered {(int)response.StatusCode} to the other role");
        }
    }

    [Fact]
    public async Task Healthz_NeedsNoCredential()
    {
        var response = await _host.Client().GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task OpenApiDocument_IsServedToAdmins_AndDescribesTheApi()
    {
        var document = await _host.Admin().GetStringAsync("/openapi/v1.json");

        Assert.Contains("/api/v1/instances", document, StringComparison.Ordinal);
        Assert.Contains("/api/v1/agent/claim", document, StringComparison.Ordinal);
        Assert.Contains("bearer", document, StringComparison.Ordinal);
        using var json = System.Text.Json.JsonDocument.Parse(document);
        foreach (var path in json.RootElement.GetProperty("paths").EnumerateObject())
        {
            foreach (var operation in path.Value.EnumerateObject())
            {
                Assert.True(operation.Value.GetProperty("responses").TryGetProperty("401", out _), $"{operation.Name} {path.Name} documents no 401");
            }
        }
    }

    private List<(string Method, string Path)> Routes()
    {
        var sources = _host.App.Services.GetRequiredService<IEnumerable<EndpointDataSource>>();
        return sources.SelectMany(s => s.Endpoints).OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText is { } raw && raw.TrimStart('/') != "healthz")
            .Where(e => e.Metadata.GetMetadata<WebUiEndpoint>() is null)
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"])
                .Select(m => (m, Concrete(e.RoutePattern.RawText!))))
            .Distinct()
            .ToList();
    }

    /// <summary>Fills route parameters with plausible values: /jobs/{id:long} → /jobs/1.</summary>
    private static string Concrete(string pattern)
    {
        var path = Parameter().Replace(pattern, m => m.Groups[1].Value switch
        {
            "id" => "1",
            "action" => "deploy",
            "documentName" => "v1",
            _ => "some-name",
        });
        return "/" + path.TrimStart('/');
    }

    private static HttpRequestMessage Request(string method, string path) => new(new HttpMethod(method), path)
    {
        Content = method is "POST" or "PUT" or "PATCH" ? new StringContent("{}", System.Text.Encoding.UTF8, "application/json") : null,
    };

    [GeneratedRegex(@"\{\*?([A-Za-z]+)[^}]*\}")]
    private static partial Regex Parameter();
}
