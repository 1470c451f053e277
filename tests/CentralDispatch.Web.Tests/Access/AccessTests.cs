using System.Net;
using System.Text.RegularExpressions;
using CentralDispatch.Core.Contracts.Instances;
using CentralDispatch.Dispatcher.Application;
using CentralDispatch.Dispatcher.Security;
using CentralDispatch.Dispatcher.Web;
using CentralDispatch.Testing;
using CentralDispatch.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CentralDispatch.Web.Tests.Access;

/// <summary>Who may reach the UI: a session or a redirect to sign-in; forms need their antiforgery token; the API ignores the cookie.</summary>
[Collection(WebCollection.Name)]
public sealed partial class AccessTests(WebFixture fixture)
{
    [Fact]
    public async Task EveryUiRoute_WithoutASession_RedirectsToSignIn()
    {
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = fixture.BaseAddress };
        var routes = UiRoutes();
        Assert.Contains("/settings", routes);
        Assert.Contains("/instances/some-name/jobs/1/events", routes);

        foreach (var path in routes.Where(p => p != "/signin"))
        {
            foreach (var method in new[] { HttpMethod.Get, HttpMethod.Post })
            {
                var response = await client.SendAsync(new HttpRequestMessage(method, path));
                Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{method} {path} answered {(int)response.StatusCode}");
                Assert.StartsWith("/signin", response.Headers.Location!.AbsolutePath, StringComparison.Ordinal);
            }
        }

        var signIn = await client.GetAsync("/signin");
        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
    }

    [Fact]
    public async Task UiRoutes_WithABearerToken_AnswerLikeTheApi_401WhenWrong_403ForAWorker()
    {
        var name = TestNames.Unique("tok");
        var worker = await fixture.RegisterWorkerAsync(name);
        using var wrong = new HttpClient { BaseAddress = fixture.BaseAddress };
        wrong.DefaultRequestHeaders.Authorization = new("Bearer", "cda_this-token-does-not-exist-anywhere");
        using var asWorker = new HttpClient { BaseAddress = fixture.BaseAddress };
        asWorker.DefaultRequestHeaders.Authorization = new("Bearer", worker.Token);

        foreach (var path in UiRoutes().Where(p => p != "/signin"))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await wrong.GetAsync(path)).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await asWorker.GetAsync(path)).StatusCode);
        }
    }

    [Fact]
    public async Task OpenApiDocument_DescribesTheApiOnly_NotTheUi()
    {
        var token = await fixture.WithServiceAsync<AdminAccounts, string>(a => a.IssueTokenAsync(fixture.AdminEmail, "openapi", CancellationToken.None));
        using var client = new HttpClient { BaseAddress = fixture.BaseAddress };
        client.DefaultRequestHeaders.Authorization = new("Bearer", token);

        var document = await client.GetStringAsync("/openapi/v1.json");

        Assert.Contains("\"/api/v1/instances\"", document, StringComparison.Ordinal);
        Assert.DoesNotContain("\"/instances", document, StringComparison.Ordinal);
        Assert.DoesNotContain("\"/settings", document, StringComparison.Ordinal);
        Assert.DoesNotContain("\"/signin", document, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LiveStream_WithoutASession_Answers401ToAnEventSource()
    {
        using var client = new HttpClient { BaseAddress = fixture.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Get, "/instances/some-name/jobs/1/events");
        request.Headers.Accept.ParseAdd("text/event-stream");

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task SignedInBrowser_Reaches_Pages_ButTheApiStillAnswers401_ToItsSessionCookie()
    {
        await using var context = await fixture.NewContextAsync();
        var page = await fixture.SignedInPageAsync(context);

        var pageResponse = await context.APIRequest.GetAsync("/instances");
        var apiResponse = await context.APIRequest.GetAsync("/api/v1/instances");

        Assert.Equal(200, pageResponse.Status);
        Assert.Equal(401, apiResponse.Status);
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Managed Instances" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task FormPost_WithoutTheAntiforgeryToken_IsRefused_AndCreatesNothing()
    {
        await using var context = await fixture.NewContextAsync();
        await fixture.SignedInPageAsync(context);
        var name = TestNames.Unique("csrf");

        var response = await context.APIRequest.PostAsync("/instances/_new", new()
        {
            Form = Form(context.APIRequest, ("Form.Name", name), ("Form.Hostname", TestNames.Hostname(name)), ("Form.Worker", fixture.WorkerName),
                ("Form.BackendEmail", "ops@example.com")),
        });

        Assert.Equal(400, response.Status);
        var listed = await fixture.WithServiceAsync<InstanceService, int>(async s =>
            (await s.ListAsync(new InstanceQuery(Q: name), CancellationToken.None)).Total);
        Assert.Equal(0, listed);
    }

    [Fact]
    public async Task InstanceAction_WithoutTheAntiforgeryToken_IsRefused_AndQueuesNothing()
    {
        var worker = TestNames.Unique("idle");
        await fixture.RegisterWorkerAsync(worker);
        var name = TestNames.Unique("csrf");
        await fixture.CreateInstanceAsync(name, worker);
        await using var context = await fixture.NewContextAsync();
        await fixture.SignedInPageAsync(context);

        var response = await context.APIRequest.PostAsync($"/instances/{name}?handler=Act", new()
        {
            Form = Form(context.APIRequest, ("action", "decommission"), ("confirmed", name)),
        });

        Assert.Equal(400, response.Status);
        var jobs = await fixture.WithServiceAsync<InstanceService, int>(async s => (await s.JobsAsync(name, CancellationToken.None)).Count);
        Assert.Equal(1, jobs);
    }

    [Fact]
    public async Task SignOut_WithoutTheAntiforgeryToken_IsRefused_AndTheSessionStays()
    {
        await using var context = await fixture.NewContextAsync();
        var page = await fixture.SignedInPageAsync(context);

        var response = await context.APIRequest.PostAsync("/signout");

        Assert.Equal(400, response.Status);
        await page.GotoAsync("/settings");
        await Expect(page).ToHaveURLAsync(new Regex("/settings$"));
    }

    private static IFormData Form(IAPIRequestContext request, params (string Name, string Value)[] fields)
    {
        var form = request.CreateFormData();
        foreach (var (name, value) in fields)
        {
            form.Set(name, value);
        }

        return form;
    }

    /// <summary>Every route of the UI, with parameters filled in: /instances/{name} → /instances/some-name.</summary>
    private List<string> UiRoutes() => fixture.App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
        .Where(e => e.Metadata.GetMetadata<WebUiEndpoint>() is not null && e.RoutePattern.RawText is not null)
        .Select(e => "/" + Parameter().Replace(e.RoutePattern.RawText!, m => m.Groups[1].Value == "id" ? "1" : "some-name").TrimStart('/'))
        .Distinct()
        .ToList();

    [GeneratedRegex(@"\{([A-Za-z]+)[^}]*\}")]
    private static partial Regex Parameter();
}
