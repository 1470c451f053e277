using CentralDispatch.Worker.Machine.Processes;
using Microsoft.Extensions.Logging.Abstractions;

namespace CentralDispatch.Worker.Tests.Support;

/// <summary>The real process runner on the real clock, without log output.</summary>
public static class RealHost
{
    public static IProcessRunner Runner { get; } = new ProcessRunner(TimeProvider.System, NullLogger<ProcessRunner>.Instance);
}
