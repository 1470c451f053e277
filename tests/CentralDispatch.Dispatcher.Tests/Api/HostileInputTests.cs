using System.Net;
using System.Text;
using System.Text.Json;
using CentralDispatch.Core.Contracts;
using CentralDispatch.Core.Contracts.Instances;
using CentralDispatch.Core.Contracts.Workers;
using CentralDispatch.Dispatcher.Tests.Infrastructure;
using CentralDispatch.Testing;
using CentralDispatch.Testing.Hosting;

namespace CentralDispatch.Dispatcher.Tests.Api;

/// <summary>Hostile values for each field of the create endpoints: each is a 400 naming the field, and nothing is stored.</summary>
public sealed class HostileInputTests(DispatcherFixture fixture) : IClassFixture<DispatcherFixture>
{
    private static readonly string[] Everywhere =
    [
        "", " ", "../../etc/passwd", "..%2f..%2fetc", "a/b", "a\\b", "x; rm -rf /", "$(reboot)", "`id`", "a|b", "a&b", "a\nb", "a\0b",
        "x' OR '1'='1", "x\"; DROP TABLE jobs; --", "x/*comment*/", "UPPER", "shоp" /* Cyrillic о */, "sh\u200Bop", "ｓｈｏｐ",
        new string('a', 300), "\t", "%00",
    ];

    private readonly DispatcherTestHost _host = fixture.Host;

    public static TheoryData<string, string> InstanceCases()
    {
        var data = new TheoryData<string, string>();
        foreach (var value in Everywhere)
        {
            data.Add("name", value);
            data.Add("hostname", value);
            data.Add("backendEmail", value);
            data.Add("worker", value == "" ? "Mixed-Case" : value);
            data.Add("release", value == "" ? "Mixed-Case" : value);
            data.Add("aliases[0]", value);
        }

        data.Add("name", "html");
        data.Add("name", "archive");
        data.Add("name", "a--b");
        data.Add("hostname", "*.example.com");
        data.Add("hostname", "localhost");
        data.Add("hostname", "10.0.0.1");
        data.Add("hostname", new string('a', 64) + ".example.com");
        data.Add("hostname", string.Join('.', Enumerable.Repeat(new string('a', 60), 5)));
        data.Add("backendEmail", "ops@exаmple.com" /* Cyrillic а */);
        data.Add("backendEmail", "a@b@example.com");
        data.Add("backendEmail", "ops%shop@example.com" /* cron reads % as a line break */);
        data.Add("backendEmail", "ops@example.com\r");
        data.Add("backendEmail", "-oQ/tmp/x@example.com");
        data.Add("certificatePem", "-----BEGIN CERTIFICATE-----\nnot base64\n-----END CERTIFICATE-----");
        data.Add("keyPem", "only a key");
        return data;
    }

    public static TheoryData<string, string> WorkerCases()
    {
        var data = new TheoryData<string, string>();
        foreach (var value in Everywhere)
        {
            data.Add("name", value);
            data.Add("hostUrl", value);
            data.Add("installPath", value);
            data.Add("labels[0]", value);
        }

        data.Add("hostUrl", "ftp://web1.example.com");
        data.Add("hostUrl", "https://user:pw@web1.example.com");
        data.Add("hostUrl", "https://web1.example.com/path?x=1");
        data.Add("hostUrl", "https://wеb1.example.com" /* Cyrillic е */);
        data.Add("installPath", "/etc");
        data.Add("installPath", "/var/www/../../etc");
        data.Add("installPath", "relative/path");
        return data;
    }

    [Theory]
    [MemberData(nameof(InstanceCases))]
    public async Task CreateInstance_RefusesHostileValue_NamingTheField_AndStoresNothing(string field, string value)
    {
        var admin = _host.Admin();
        var (worker, _) = await _host.OnlineWorkerAsync();
        var name = TestNames.Unique("h");
        var body = new Dictionary<string, object?>
        {
            ["name"] = name, ["hostname"] = TestNames.Hostname(name), ["worker"] = worker.Name, ["backendEmail"] = "ops@example.com",
        };
        var key = field.Replace("[0]", "", StringComparison.Ordinal);
        body[key] = field.EndsWith("[0]", StringComparison.Ordinal) ? new[] { value } : value;
        if (field == "keyPem")
        {
            body["certificatePem"] = null;
        }

        var before = await CountInstancesAsync(admin);
        var response = await admin.PostAsync("/api/v1/instances", Json(body));

        await AssertNamesFieldAsync(response, field == "keyPem" ? "certificatePem" : key);
        Assert.Equal(before, await CountInstancesAsync(admin));
    }

    [Theory]
    [MemberData(nameof(WorkerCases))]
    public async Task RegisterWorker_RefusesHostileValue_NamingTheField_AndStoresNothing(string field, string value)
    {
        var admin = _host.Admin();
        var name = TestNames.Unique("w");
        var body = new Dictionary<string, object?> { ["name"] = name, ["hostUrl"] = $"https://{name}.example.com" };
        var key = field.Replace("[0]", "", StringComparison.Ordinal);
        body[key] = field.EndsWith("[0]", StringComparison.Ordinal) ? new[] { value } : value;

        var before = await CountWorkersAsync(admin);
        var response = await admin.PostAsync("/api/v1/workers", Json(body));

        await AssertNamesFieldAsync(response, key);
        Assert.Equal(before, await CountWorkersAsync(admin));
    }

    [Theory]
    [InlineData("/api/v1/instances", """{"name": 5}""", "name")]
    [InlineData("/api/v1/instances", """{"aliases": "not-a-list"}""", "aliases")]
    [InlineData("/api/v1/instances", """{"name": "x", """, "body")]
    [InlineData("/api/v1/instances", "[]", "body")]
    [InlineData("/api/v1/workers", """{"capacity": "ten"}""", "capacity")]
    [InlineData("/api/v1/workers", """{"capacity": 0, "name": "w1", "hostUrl": "https://w1.example.com"}""", "capacity")]
    [InlineData("/api/v1/workers", """{"capacity": 99999999999}""", "capacity")]
    [InlineData("/api/v1/workers", "null", "body")]
    public async Task MalformedBodies_Are400NamingTheField(string url, string body, string field)
    {
        var response = await _host.Admin().PostAsync(url, new StringContent(body, Encoding.UTF8, "application/json"));

        await AssertNamesFieldAsync(response, field);
    }

    private static async Task AssertNamesFieldAsync(HttpResponseMessage response, string field)
    {
        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        var errors = problem.GetProperty("errors");
        Assert.True(errors.TryGetProperty(field, out var messages), $"Expected an error for '{field}', got {errors}");
        Assert.False(string.IsNullOrWhiteSpace(messages[0].GetString()));
    }

    private static StringContent Json(object body) => new(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json");

    private static async Task<int> CountInstancesAsync(HttpClient admin) =>
        (await (await admin.GetAsync("/api/v1/instances?pageSize=1")).ReadAsync<Page<InstanceResponse>>()).Total;

    private static async Task<int> CountWorkersAsync(HttpClient admin) =>
        (await (await admin.GetAsync("/api/v1/workers")).ReadAsync<List<WorkerResponse>>()).Count;
}
