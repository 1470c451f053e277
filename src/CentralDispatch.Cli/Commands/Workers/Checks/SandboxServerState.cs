using CentralDispatch.Worker.Machine.Processes;

namespace CentralDispatch.Cli.Commands.Workers.Checks;

/// <summary>Whether a sandbox server (a running worker's) is up, judged by its pid file, so a check never restarts it.</summary>
public static class SandboxServerState
{
    public static bool IsRunning(string pidFile) => ProcessLiveness.ReadPidFile(pidFile) is { } pid && ProcessLiveness.IsAlive(pid);
}
