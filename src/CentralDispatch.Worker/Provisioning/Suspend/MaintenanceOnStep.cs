using CentralDispatch.Worker.Configuration;
using CentralDispatch.Worker.Machine.Apache;
using CentralDispatch.Worker.Machine.Reloads;
using Microsoft.Extensions.Options;

namespace CentralDispatch.Worker.Provisioning.Suspend;

/// <summary>Suspend: the maintenance block goes into the instance's vhost.</summary>
public sealed class MaintenanceOnStep(IOptions<WorkerOptions> options, ReloadCoordinator reloads) : MaintenanceStep(options, reloads, turnOn: true);
