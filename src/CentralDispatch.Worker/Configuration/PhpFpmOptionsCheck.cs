using CentralDispatch.Core.Validation;

namespace CentralDispatch.Worker.Configuration;

/// <summary>The shape of <see cref="PhpFpmOptions"/>, for <see cref="WorkerOptionsValidator"/>; each message names the key under Worker:PhpFpm.</summary>
internal static class PhpFpmOptionsCheck
{
    private const string Socket = ".sock";

    /// <summary>The longest a pool socket folder may be: FOLDER/NAME.sock must fit a unix socket path with the longest instance name.</summary>
    public static int MaxSocketFolderLength => WorkerOptionsValidator.MaxSocketPathLength - 1 - InstanceNameRule.MaxLength - Socket.Length;

    public static void Run(OptionsProblems problems, PhpFpmOptions php)
    {
        if (php.Version is null || !PhpFpmVersions.Shape().IsMatch(php.Version))
        {
            problems.Add("PhpFpm:Version", $"must be a PHP version as major.minor, e.g. {PhpFpmVersions.Bookworm} (got '{php.Version}')");
        }

        problems.AbsolutePath("PhpFpm:Binary", php.Binary);
        problems.AbsolutePath("PhpFpm:PoolFolder", php.PoolFolder);
        problems.AbsolutePath("PhpFpm:SocketFolder", php.SocketFolder);
        if (php.SocketFolder is { } sockets && sockets.Length > MaxSocketFolderLength)
        {
            problems.Add("PhpFpm:SocketFolder", $"is {sockets.Length} characters; a pool's socket FOLDER/NAME{Socket} must fit the {WorkerOptionsValidator.MaxSocketPathLength} "
                                                + $"characters of a unix socket path with a name of {InstanceNameRule.MaxLength}, so the folder may have at most {MaxSocketFolderLength}");
        }

        problems.Command("PhpFpm:ConfigTestCommand", [.. php.ConfigTest]);
        if (!php.PrivateServer.Enabled || php.Reload.Count > 0)
        {
            problems.Command("PhpFpm:ReloadCommand", [.. php.Reload]);
        }

        if (php.CommandTimeout <= TimeSpan.Zero)
        {
            problems.Add("PhpFpm:CommandTimeout", $"must be positive (got {php.CommandTimeout})");
        }

        if (!string.IsNullOrWhiteSpace(php.MainErrorLog))
        {
            problems.AbsolutePath("PhpFpm:MainErrorLog", php.MainErrorLog);
        }

        CheckPools(problems, php.Pools);
        if (php.PrivateServer.Enabled)
        {
            problems.AbsolutePath("PhpFpm:PrivateServer:Folder", php.PrivateServer.Folder);
            WorkerOptionsValidator.CheckAccount(problems, "PhpFpm:PrivateServer:ChildUser", php.PrivateServer.ChildUser);
            WorkerOptionsValidator.CheckAccount(problems, "PhpFpm:PrivateServer:ChildGroup", php.PrivateServer.ChildGroup);
        }
    }

    private static void CheckPools(OptionsProblems problems, PhpFpmPoolLimits pools)
    {
        if (!Enum.IsDefined(pools.ProcessManager))
        {
            problems.Add("PhpFpm:Pools:ProcessManager", $"must be ondemand or dynamic (got '{pools.ProcessManager}')");
        }

        if (pools.MaxChildren is < 1 or > 1000)
        {
            problems.Add("PhpFpm:Pools:MaxChildren", $"must be between 1 and 1000 (got {pools.MaxChildren})");
        }

        if (pools.ProcessIdleTimeout < TimeSpan.FromSeconds(1) || pools.ProcessIdleTimeout.Ticks % TimeSpan.TicksPerSecond != 0)
        {
            problems.Add("PhpFpm:Pools:ProcessIdleTimeout", $"must be whole seconds, at least 00:00:01 (got {pools.ProcessIdleTimeout})");
        }

        if (pools.MaxRequests < 0)
        {
            problems.Add("PhpFpm:Pools:MaxRequests", $"must be 0 (never replace a process) or more (got {pools.MaxRequests})");
        }

        // php-fpm refuses a dynamic pool unless 1 <= min spare <= start <= max spare <= max children.
        if (pools.ProcessManager == PhpFpmProcessManager.Dynamic
            && !(pools.MinSpareServers >= 1 && pools.MinSpareServers <= pools.StartServers && pools.StartServers <= pools.MaxSpareServers && pools.MaxSpareServers <= pools.MaxChildren))
        {
            problems.Add("PhpFpm:Pools:StartServers", "with a dynamic process manager must satisfy 1 <= MinSpareServers <= StartServers <= MaxSpareServers <= MaxChildren "
                                                       + $"(got {pools.MinSpareServers}, {pools.StartServers}, {pools.MaxSpareServers}, {pools.MaxChildren})");
        }
    }
}
