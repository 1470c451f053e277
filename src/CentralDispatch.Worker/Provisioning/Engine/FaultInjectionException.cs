namespace CentralDispatch.Worker.Provisioning.Engine;

/// <summary><see cref="FaultInjection.Variable"/> is set to something that is not a crash point; the worker does not start.</summary>
public sealed class FaultInjectionException(string message) : Exception(message);
