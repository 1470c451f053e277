using CentralDispatch.Worker.Agent;
using CentralDispatch.Worker.Composition;
using CentralDispatch.Worker.Provisioning.Engine;
using CentralDispatch.Worker.Provisioning.Journal;
using CentralDispatch.Worker.Provisioning.Plans;
using CentralDispatch.Worker.Tests.Provisioning;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CentralDispatch.Worker.Tests.Agent;

public sealed class AgentOptionsTests
{
    [Fact]
    public void Validator_NamesTheKeyOfEveryProblem()
    {
        var result = new AgentOptionsValidator().Validate(null, new AgentOptions
        {
            DispatcherUrl = "dispatch.example.com",
            Token = " ",
            Concurrency = 0,
            BackoffMin = TimeSpan.FromSeconds(10),
            BackoffMax = TimeSpan.FromSeconds(1),
            EventFlushInterval = TimeSpan.Zero,
        });

        Assert.True(result.Failed);
        foreach (var key in new[] { "Agent:DispatcherUrl", "Agent:Token", "Agent:Concurrency", "Agent:BackoffMax", "Agent:EventFlushInterval" })
        {
            Assert.Contains(result.Failures!, f => f.StartsWith(key, StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Validator_RefusesPlainHttpToAnotherMachine_UnlessAllowed()
    {
        var options = new AgentOptions { DispatcherUrl = "http://dispatch.example.com/", Token = "t" };

        var refused = new AgentOptionsValidator().Validate(null, options);
        options.AllowInsecureHttp = true;
        var allowed = new AgentOptionsValidator().Validate(null, options);
        var loopback = new AgentOptionsValidator().Validate(null, new AgentOptions { DispatcherUrl = "http://127.0.0.1:5000/", Token = "t" });

        Assert.Contains("Agent:DispatcherUrl is plain http:// to dispatch.example.com", Assert.Single(refused.Failures!), StringComparison.Ordinal);
        Assert.Contains("set Agent:AllowInsecureHttp to true", refused.Failures!.Single(), StringComparison.Ordinal);
        Assert.True(allowed.Succeeded, allowed.FailureMessage);
        Assert.True(loopback.Succeeded, loopback.FailureMessage);
    }

    [Fact]
    public void Options_NeverShowTheToken()
    {
        var options = new AgentOptions { DispatcherUrl = "https://d.example/", Token = "cdw_secret-token-value" };

        Assert.DoesNotContain("cdw_secret-token-value", options.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Host_FailsToStart_NamingTheKey_WhenTheAgentIsMisconfigured()
    {
        using var host = BuildHost(new() { ["Agent:DispatcherUrl"] = "https://d.example/", ["Agent:Token"] = "t", ["Agent:Concurrency"] = "0" }, out var folder);
        using var _ = folder;

        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("Agent:Concurrency must be between 1 and 64 (got 0)", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Registration_BuildsTheAgent_FromItsSection()
    {
        using var host = BuildHost(new() { ["Agent:DispatcherUrl"] = "https://d.example/base", ["Agent:Token"] = "t", ["Agent:Concurrency"] = "3" }, out var folder);
        using var _ = folder;

        var loop = host.Services.GetRequiredService<AgentLoop>();
        var client = host.Services.GetRequiredService<DispatcherClient>();

        Assert.NotNull(loop);
        Assert.Equal("https://d.example/base/", client.BaseAddress!.AbsoluteUri);
        Assert.Equal(3, host.Services.GetRequiredService<IOptions<AgentOptions>>().Value.Concurrency);
    }

    private static IHost BuildHost(Dictionary<string, string?> settings, out TempFolder folder)
    {
        var journals = new TempFolder();
        folder = journals;
        var builder = Microsoft.Extensions.Hosting.Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddLogging();
        builder.Services.AddSingleton(new JournalStore(journals.Path, TimeProvider.System));
        builder.Services.AddSingleton(Options.Create(new PlanRunnerOptions()));
        builder.Services.AddSingleton<PlanRunner>();
        builder.Services.AddSingleton<IPlanFactory, FakePlanFactory>();
        builder.Services.AddWorkerAgent();
        return builder.Build();
    }
}
