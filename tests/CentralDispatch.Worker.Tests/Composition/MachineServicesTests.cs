using CentralDispatch.Core.Domain;
using CentralDispatch.Worker.Composition;
using CentralDispatch.Worker.Configuration;
using CentralDispatch.Worker.Machine.Apache;
using CentralDispatch.Worker.Machine.Cron;
using CentralDispatch.Worker.Machine.MariaDb;
using CentralDispatch.Worker.Machine.Reloads;
using CentralDispatch.Worker.Provisioning.Plans;
using CentralDispatch.Worker.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CentralDispatch.Worker.Tests.Composition;

/// <summary>
/// The sandbox profile wired as `worker run` will wire it: its servers start with the host and stop with it, and the
/// container finds one plan per job kind.
/// </summary>
public sealed class MachineServicesTests
{
    [Fact]
    public async Task SandboxProfile_StartsItsServersWithTheHost_AndTheAdaptersReachThem()
    {
        using var data = new TestFolder("cd-wire");
        var builder = await SandboxBuilderAsync(data);
        using var host = builder.Build();

        await host.StartAsync();
        try
        {
            var version = await host.Services.GetRequiredService<MariaDbAdmin>().ServerVersionAsync(CancellationToken.None);
            var configTest = await host.Services.GetRequiredService<IWebServerControl>().TestConfigAsync(CancellationToken.None);
            await host.Services.GetRequiredService<ReloadCoordinator>().RequestReloadAsync(CancellationToken.None);

            Assert.Contains("MariaDB", version, StringComparison.Ordinal);
            Assert.True(configTest.Passed, configTest.Output);
            Assert.IsType<FileCrontab>(host.Services.GetRequiredService<ICrontab>());
        }
        finally
        {
            await host.StopAsync();
        }

        Assert.False(File.Exists(Path.Combine(data.Path, "apache", "run", "httpd.pid")));
        Assert.False(File.Exists(Path.Combine(data.Path, "mariadb", "mariadbd.pid")));
    }

    [Fact]
    public async Task EveryJobKind_HasItsOwnPlan_BuiltByTheContainer()
    {
        using var data = new TestFolder("cd-plans");
        var builder = await SandboxBuilderAsync(data);
        builder.Services.AddWorkerPlans();
        using var provider = builder.Services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });

        var plans = provider.GetServices<IJobPlan>().ToList();
        var factory = provider.GetRequiredService<WorkerPlanFactory>();

        Assert.Equal(Enum.GetValues<JobKind>().Order(), plans.Select(p => p.Kind).Order());
        foreach (var plan in plans)
        {
            Assert.Same(plan.Plan, factory.PlanFor(plan.Kind));
            Assert.NotEmpty(plan.Plan.Steps);
        }
    }

    private static async Task<HostApplicationBuilder> SandboxBuilderAsync(TestFolder data)
    {
        var path = Path.Combine(data.Path, "worker.json");
        await WorkerConfigFile.WriteAsync(path, WorkerProfiles.Sandbox(data.Path, "http://127.0.0.1:5000", "t"), CancellationToken.None);
        var builder = Microsoft.Extensions.Hosting.Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddWorkerConfigFile(path);
        builder.Services.AddLogging();
        builder.Services.AddWorkerOptions(builder.Configuration);
        builder.Services.AddWorkerMachine();
        return builder;
    }
}
