using CentralDispatch.Core.Domain;
using CentralDispatch.Testing;
using CentralDispatch.Testing.Hosting;

namespace CentralDispatch.Worker.Tests.Agent;

public sealed class ReconnectTests
{
    [Fact]
    public async Task DispatcherDownAtStart_AgentBacksOff_ThenConnectsAndWorksWhenItComesUp()
    {
        await using var dispatcher = await DispatcherTestHost.StartAsync();
        await using var agent = await AgentHarness.CreateAsync(dispatcher);
        agent.Plans.Use(new UrlStep());
        var instance = await agent.Admin.CreateInstanceAsync(agent.WorkerName);
        await dispatcher.StopAsync();

        agent.StartDaemon();
        await Eventually.AdvanceUntilAsync(agent.Clock, TimeSpan.FromMilliseconds(250), () => agent.Recorder.Count("hello") >= 4,
            "four refused hellos");
        await dispatcher.StartAgainAsync();
        await Eventually.AdvanceUntilAsync(agent.Clock, TimeSpan.FromMilliseconds(250),
            async () => (await agent.Admin.GetInstanceAsync(instance.Name)).State == InstanceState.Active, "instance Active");

        var hellos = agent.Recorder.Log.Where(e => e.Call == "hello").ToList();
        // From each refusal to the next try: at least the backoff, half of min·2ⁿ or more (equal jitter), growing.
        var gaps = hellos.Zip(hellos.Skip(1), (a, b) => b.SentAt - a.EndedAt).ToList();
        Assert.All(hellos.Take(4), h => Assert.Null(h.Status));
        Assert.Equal(200, hellos[^1].Status);
        for (var n = 0; n < 3; n++)
        {
            Assert.True(gaps[n] >= TimeSpan.FromTicks(agent.Settings.BackoffMin.Ticks << n) / 2, $"retry {n + 1} came {gaps[n]} after the refusal");
        }
    }
}
