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

    /// <summary>The release of an action that takes one.</summary>
    public static Option<string?> Release() => new("--release")
    {
        Description = "The release to ship (default: the instance's current release).",
        HelpName = "RELEASE",
    };
}
