using System.Net;
using System.Runtime.InteropServices;
using CentralDispatch.Core.Contracts.Agent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CentralDispatch.Worker.Agent;

/// <summary>
/// The worker agent: hello, start-up recovery, then claim and run jobs up to the configured concurrency (one claim
/// outstanding at a time), backing off with jitter while the dispatcher is unreachable. On host stop it claims no
/// more and waits for the jobs in flight, which finish their current step and stop.
/// </summary>
public sealed class AgentLoop(
    DispatcherClient client,
    JobExecutionFactory executions,
    StartupRecovery recovery,
    IOptions<AgentOptions> options,
    TimeProvider timeProvider,
    ILogger<AgentLoop> logger)
{
    /// <summary>In <see cref="AgentRunMode.Once"/>, how many failed calls in a row make the run give up.</summary>
    public const int OnceAttempts = 3;

    private readonly AgentOptions _options = options.Value;

    /// <summary>Runs until done (once) or until <paramref name="stopping"/> fires (daemon); returns an <see cref="AgentExitCodes"/> value.</summary>
    public async Task<int> RunAsync(AgentRunMode mode, CancellationToken stopping)
    {
        var backoff = new Backoff(_options.BackoffMin, _options.BackoffMax);
        try
        {
            var hello = await HelloAsync(mode, backoff, stopping);
            if (hello is null)
            {
                return stopping.IsCancellationRequested ? AgentExitCodes.Success : AgentExitCodes.Unreachable;
            }

            await recovery.RunAsync(stopping);
            var run = new ClaimRun(this, mode, hello, backoff);
            return await run.RunAsync(stopping);
        }
        catch (Exception e) when (e is DispatcherCredentialException or DispatcherRejectedException)
        {
            AgentLog.Refused(logger, e.Message);
            return AgentExitCodes.Refused;
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            return AgentExitCodes.Success;
        }
    }

    private async Task<HelloResponse?> HelloAsync(AgentRunMode mode, Backoff backoff, CancellationToken stopping)
    {
        var facts = new Dictionary<string, string>
        {
            ["os"] = RuntimeInformation.OSDescription,
            ["runtime"] = RuntimeInformation.FrameworkDescription,
            ["processors"] = Environment.ProcessorCount.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        if (_options.InstallPath is { Length: > 0 } installPath)
        {
            facts[HelloRequest.InstallPathFact] = installPath;
        }

        var request = new HelloRequest(AgentVersion.Current, Dns.GetHostName(), _options.Concurrency, facts);
        while (true)
        {
            try
            {
                var hello = await client.HelloAsync(request, stopping);
                backoff.Reset();
                AgentLog.Connected(logger, client.BaseAddress, hello.WorkerName, _options.Concurrency, hello.Lease);
                return hello;
            }
            catch (DispatcherUnavailableException e)
            {
                if (!await WaitToRetryAsync(mode, backoff, e, stopping))
                {
                    return null;
                }
            }
        }
    }

    /// <summary>Waits out the backoff after a failed call; false when this run should give up instead.</summary>
    internal async Task<bool> WaitToRetryAsync(AgentRunMode mode, Backoff backoff, DispatcherUnavailableException failure, CancellationToken stopping)
    {
        if (mode == AgentRunMode.Once && backoff.Failures + 1 >= OnceAttempts)
        {
            AgentLog.GaveUp(logger, failure.Message);
            return false;
        }

        var wait = backoff.Next();
        AgentLog.Unreachable(logger, failure.Message, wait);
        try
        {
            await Task.Delay(wait, timeProvider, stopping);
            return true;
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            return false;
        }
    }

    internal DispatcherClient Client => client;
    internal JobExecutionFactory Executions => executions;
    internal AgentOptions Options => _options;
    internal TimeProvider TimeProvider => timeProvider;
    internal ILogger Logger => logger;
}
