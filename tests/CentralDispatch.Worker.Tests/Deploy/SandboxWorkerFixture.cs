using CentralDispatch.Core.Contracts.Agent;
using CentralDispatch.Core.Domain;
using CentralDispatch.Testing;
using CentralDispatch.Testing.Tls;
using CentralDispatch.Worker.Composition;
using CentralDispatch.Worker.Configuration;
using CentralDispatch.Worker.Machine.Apache;
using CentralDispatch.Worker.Machine.Cron;
using CentralDispatch.Worker.Machine.MariaDb;
using CentralDispatch.Worker.Provisioning.Plans;
using CentralDispatch.Worker.Provisioning;
using CentralDispatch.Worker.Provisioning.Deploy;
using CentralDispatch.Worker.Provisioning.Engine;
using CentralDispatch.Worker.Provisioning.Journal;
using CentralDispatch.Worker.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CentralDispatch.Worker.Tests.Deploy;

/// <summary>
/// One sandbox worker host for the deploy tests: its private Apache and MariaDB, configured exactly as
/// `dispatch worker init --profile sandbox` does, with the sample release as the default release.
/// </summary>
public sealed class SandboxWorkerFixture : IAsyncLifetime
{
    private readonly TestFolder _data = new("cd-deploy");
    private IHost? _host;

    public IServiceProvider Services => _host!.Services;
    public WorkerOptions Options => Services.GetRequiredService<IOptions<WorkerOptions>>().Value;
    public JournalStore Journals => Services.GetRequiredService<JournalStore>();
    public PlanRunner Runner => Services.GetRequiredService<PlanRunner>();
    public MariaDbAdmin Database => Services.GetRequiredService<MariaDbAdmin>();
    public ICrontab Crontab => Services.GetRequiredService<ICrontab>();
    public string DataFolder => _data.Path;

    /// <summary>The main Apache process as it started; a reload must never replace it (a failed graceful restart would).</summary>
    public int ApachePid { get; private set; }

    public int CurrentApachePid() =>
        int.Parse(File.ReadAllText(new SandboxApacheLayout(Options.WebServer.PrivateServer.Folder!).PidFile).Trim(),
            System.Globalization.CultureInfo.InvariantCulture);

    public async Task InitializeAsync()
    {
        var options = WorkerProfiles.Sandbox(_data.Path, "http://127.0.0.1:9", "unused");
        var config = Path.Combine(_data.Path, WorkerProfiles.SandboxConfigFileName);
        await WorkerInitializer.InitializeAsync(options, config, RepositoryFiles.SampleRelease, CancellationToken.None);
        var builder = Microsoft.Extensions.Hosting.Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddWorkerConfigFile(config);
        builder.Services.AddLogging(l => l.SetMinimumLevel(LogLevel.Warning));
        builder.Services.AddWorkerOptions(builder.Configuration);
        builder.Services.AddWorkerMachine();
        builder.Services.AddWorkerPlans();
        builder.Services.AddSingleton(p => new JournalStore(p.GetRequiredService<IOptions<WorkerOptions>>().Value.Paths.JournalFolder, TimeProvider.System));
        builder.Services.AddOptions<PlanRunnerOptions>();
        builder.Services.AddSingleton<PlanRunner>();
        _host = builder.Build();
        await _host.StartAsync();
        ApachePid = CurrentApachePid();
    }

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.StopAsync();
            _host.Dispose();
        }

        _data.Dispose();
    }

    /// <summary>A new instance payload with unique names; with a certificate for its host names unless told otherwise.</summary>
    public static InstancePayload NewInstance(bool withCertificate = true, string release = "default", string prefix = "dep")
    {
        var name = TestNames.Unique(prefix);
        var hostname = TestNames.Hostname(name);
        TlsPayload? tls = null;
        if (withCertificate)
        {
            var pem = TestCertificates.ForHosts(hostname);
            tls = new TlsPayload(pem.CertificatePem, pem.KeyPem, pem.ChainPem);
        }

        return new InstancePayload(name, hostname, [], release, "ops@example.com", tls);
    }

    public static ProvisioningJob JobFor(InstancePayload instance, int attempt = 1) =>
        new(Random.Shared.NextInt64(1, long.MaxValue / 2), attempt, JobKind.Deploy, instance);

    public static ProvisioningJob JobFor(InstancePayload instance, JobKind kind, JobPayloadParameters? parameters = null) =>
        new(Random.Shared.NextInt64(1, long.MaxValue / 2), 1, kind, instance, parameters);

    /// <summary>The plan the worker runs for a job kind.</summary>
    public ProvisioningPlan PlanFor(JobKind kind, Func<IProvisioningStep, IProvisioningStep>? wrap = null)
    {
        var plan = Services.GetRequiredService<WorkerPlanFactory>().PlanFor(kind);
        return wrap is null ? plan : new ProvisioningPlan(plan.Name, plan.Steps.Select(wrap).ToList()) { EndsWithRemoval = plan.EndsWithRemoval };
    }

    /// <summary>Deploys the instance (journal acknowledged, as after a reported job) and fails the test unless it succeeded.</summary>
    public async Task<InstancePayload> DeployedAsync(InstancePayload instance)
    {
        var (result, _) = await DeployAndAcknowledgeAsync(instance);
        Assert.True(result.Outcome == PlanOutcome.Succeeded, $"deploy of {instance.Name}: {result.FailedStep}: {result.Message}");
        return instance;
    }

    /// <summary>Runs a plan for a new job and acknowledges its journal as the agent does after the dispatcher took the result.</summary>
    public async Task<PlanResult> RunAndAcknowledgeAsync(ProvisioningPlan plan, ProvisioningJob job, IStepEventSink? events = null)
    {
        var result = await Runner.RunAsync(plan, job, events ?? new NullSink(), JobCancellation.None);
        await Journals.AcknowledgeAsync(job.JobId, CancellationToken.None);
        return result;
    }
    public ProvisioningPlan Plan(Func<IProvisioningStep, IProvisioningStep>? wrap = null)
    {
        var plan = Services.GetRequiredService<DeployPlan>().Plan;
        return wrap is null ? plan : new ProvisioningPlan(plan.Name, plan.Steps.Select(wrap).ToList());
    }

    public InstanceLayout Layout(InstancePayload instance) => InstanceLayout.For(instance, Options);

    /// <summary>Runs the plan for a new job of the instance, then acknowledges the journal as the agent does after complete.</summary>
    public async Task<(PlanResult Result, ProvisioningJob Job)> DeployAndAcknowledgeAsync(InstancePayload instance, ProvisioningPlan? plan = null,
        IStepEventSink? events = null)
    {
        var job = JobFor(instance);
        var result = await Runner.RunAsync(plan ?? Plan(), job, events ?? new NullSink(), JobCancellation.None);
        await Journals.AcknowledgeAsync(job.JobId, CancellationToken.None);
        return (result, job);
    }

    private sealed class NullSink : IStepEventSink
    {
        public void Publish(StepEventReport report)
        {
        }
    }
}
