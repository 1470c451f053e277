using CentralDispatch.Core.Contracts.Agent;

namespace CentralDispatch.Worker.Provisioning;

/// <summary>Receives a job's step events; the agent queues them and sends them to the dispatcher in batches.</summary>
public interface IStepEventSink
{
    /// <summary>Must not block: it is called between steps and during rollback, which must not wait on the network.</summary>
    void Publish(StepEventReport report);
}
