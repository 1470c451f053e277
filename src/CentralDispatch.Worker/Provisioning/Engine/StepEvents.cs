using CentralDispatch.Core.Contracts.Agent;
using CentralDispatch.Core.Domain;

namespace CentralDispatch.Worker.Provisioning.Engine;

/// <summary>Stamps and forwards a job's step events to the agent's sink.</summary>
internal sealed class StepEvents(IStepEventSink sink, TimeProvider timeProvider)
{
    public void Publish(string step, StepPhase phase, TimeSpan? duration = null, string? message = null) =>
        sink.Publish(new StepEventReport(step, phase, timeProvider.GetUtcNow(), duration?.TotalMilliseconds, message));
}
