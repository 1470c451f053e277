using CentralDispatch.Core.Domain;

namespace CentralDispatch.Dispatcher.Application;

/// <summary>An instance with the name and install path of its worker, for lists.</summary>
public sealed record InstanceRow(ManagedInstance Instance, string WorkerName, string InstallPath);
