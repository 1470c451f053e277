using CentralDispatch.Worker.Host.Processes;

namespace CentralDispatch.Worker.Host.Files;

/// <summary>Gives a tree to the web server user (chown -R, links themselves not followed).</summary>
public sealed class TreeOwnership(IProcessRunner runner)
{
    /// <summary>Nothing to do when the web server user is the user the worker runs as (the sandbox); otherwise only root may do it.</summary>
    public async Task ChangeOwnerAsync(string path, string user, string group, CancellationToken cancellationToken)
    {
        if (string.Equals(user, Environment.UserName, StringComparison.Ordinal))
        {
            return;
        }

        if (!Environment.IsPrivilegedProcess)
        {
            throw new InvalidOperationException($"Only root can give '{path}' to '{user}'; run the worker as root or set the web server user to '{Environment.UserName}'.");
        }

        await runner.RunCheckedAsync(ProcessRequest.Of("chown", "-R", "--no-dereference", "--", $"{user}:{group}", path) with { Timeout = TimeSpan.FromMinutes(5) }, cancellationToken);
    }
}
