using System.CommandLine;

namespace CentralDispatch.Cli.Commands.Api;

/// <summary>Options shared by the commands that queue jobs.</summary>
public static class ActionOptions
{
    public static Option<bool> Wait() => new("--wait")
    {
        Description = "Follow the job until it finishes, showing each step; exit 0 only when it succeeded (3 otherwise).",
    };

    public static Option<bool> Yes() => new("--yes", "-y")
    {
        Description = "Do not ask for confirmation on a terminal.",
    };
}
