using CentralDispatch.Worker.Configuration;
using CentralDispatch.Worker.Machine.Processes;

namespace CentralDispatch.Cli.Commands.Workers.Checks;

/// <summary>
/// The user Apache serves as can enter the install path: a folder on the way closed to it (a data folder made by
/// `mktemp -d`, a home folder) turns every instance's pages into 403s although the config test passes. Asked of the
/// system itself with `runuser -u USER -- test -x FOLDER` for each folder from / down, so groups and ACLs count.
/// </summary>
public sealed class WebServerAccessCheck(IProcessRunner runner)
{
    private const string Item = "web server access";

    public async Task<CheckResult> RunAsync(WorkerOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var install = Path.GetFullPath(options.Paths.InstallPath);
        var servingUser = ServingUser(options);
        if (servingUser is null || servingUser == Environment.UserName)
        {
            return CheckResult.Pass(Item, $"Apache serves {install} as {Environment.UserName}, the worker's own user");
        }

        if (!Environment.IsPrivilegedProcess)
        {
            return CheckResult.Fail(Item, $"Apache serves as {servingUser}, and only root can check that it may enter {install}; run the check as root");
        }

        foreach (var folder in FoldersOnTheWay(install))
        {
            var request = ProcessRequest.Of("runuser", "-u", servingUser, "--", "test", "-x", folder) with { Timeout = TimeSpan.FromSeconds(30) };
            var result = await runner.RunAsync(request, cancellationToken);
            if (!result.Succeeded)
            {
                return CheckResult.Fail(Item,
                    $"{servingUser} cannot enter {folder}, so Apache cannot serve anything under {install}; let it through with `chmod o+x {folder}`");
            }
        }

        return CheckResult.Pass(Item, $"{servingUser} (Apache's serving user) can enter {install}");
    }

    /// <summary>The user Apache's children serve pages as: the sandbox's own user, or its child user when it runs as root.</summary>
    private static string? ServingUser(WorkerOptions options) =>
        options.WebServer.PrivateServer is { Enabled: true } privateServer
            ? Environment.IsPrivilegedProcess ? privateServer.ChildUser : null
            : options.WebServer.User;

    private static IEnumerable<string> FoldersOnTheWay(string path)
    {
        var folders = new Stack<string>();
        for (var folder = path; folder is not null; folder = Path.GetDirectoryName(folder))
        {
            folders.Push(folder);
        }

        return folders;
    }
}
