using System.Collections.Concurrent;
using CentralDispatch.Core.Contracts.Agent;
using CentralDispatch.Worker.Provisioning;

namespace CentralDispatch.Worker.Tests.Provisioning;

/// <summary>Keeps every step event, in order.</summary>
public sealed class RecordingSink : IStepEventSink
{
    private readonly ConcurrentQueue<StepEventReport> _events = new();

    public IReadOnlyList<StepEventReport> Events => _events.ToList();

    /// <summary>"Step:Phase" for each event, for order assertions.</summary>
    public IReadOnlyList<string> Phases => _events.Select(e => $"{e.Step}:{e.Phase}").ToList();

    public void Publish(StepEventReport report) => _events.Enqueue(report);
}
