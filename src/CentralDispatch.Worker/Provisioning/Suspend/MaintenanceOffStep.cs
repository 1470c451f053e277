using CentralDispatch.Worker.Configuration;
using CentralDispatch.Worker.Machine.Apache;
using CentralDispatch.Worker.Machine.Reloads;
using Microsoft.Extensions.Options;

namespace CentralDispatch.Worker.Provisioning.Suspend;

/// <summary>Resume: the maintenance block comes out of the instance's vhost.</summary>
public sealed class MaintenanceOffStep(IOptions<WorkerOptions> options, ReloadCoordinator reloads) : MaintenanceStep(options, reloads, turnOn: false);
