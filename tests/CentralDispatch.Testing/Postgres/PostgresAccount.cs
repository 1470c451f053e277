using System.Diagnostics;
using CentralDispatch.Testing.Processes;

namespace CentralDispatch.Testing.Postgres;

/// <summary>
/// Who runs initdb, postgres and pg_ctl: the 'postgres' OS user when the tests run as root (PostgreSQL refuses to
/// run as root), otherwise the current user. Programs are started through setpriv, which switches user and can set a
/// parent-death signal, then execs the program (so no extra process stays in between).
/// </summary>
internal sealed class PostgresAccount(bool switchesUser)
{
    public const string UserName = "postgres";

    public bool SwitchesUser { get; } = switchesUser;

    public static PostgresAccount ForThisProcess() => new(Environment.IsPrivilegedProcess);

    public ProcessStartInfo StartInfo(string program, IEnumerable<string> arguments, string workingDirectory, string? parentDeathSignal = null)
    {
        var startInfo = new ProcessStartInfo("setpriv")
        {
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in SetprivArguments(program, arguments, parentDeathSignal))
        {
            startInfo.ArgumentList.Add(argument);
        }

        return startInfo;
    }

    public Task<CommandResult> RunAsync(string program, IEnumerable<string> arguments, string workingDirectory, CancellationToken cancellationToken) =>
        CommandRunner.RunAsync("setpriv", SetprivArguments(program, arguments, null), cancellationToken, workingDirectory);

    /// <summary>Hands a folder to the account, so the server can write into it.</summary>
    public async Task TakeOwnershipAsync(string folder, CancellationToken cancellationToken)
    {
        if (SwitchesUser)
        {
            (await CommandRunner.RunAsync("chown", ["-R", $"{UserName}:{UserName}", folder], cancellationToken)).EnsureSuccess();
        }
    }

    private List<string> SetprivArguments(string program, IEnumerable<string> arguments, string? parentDeathSignal)
    {
        var list = new List<string>();
        if (SwitchesUser)
        {
            list.AddRange([$"--reuid={UserName}", $"--regid={UserName}", "--init-groups"]);
        }

        // After the user switch: a change of credentials would clear the parent-death signal again.
        if (parentDeathSignal is not null)
        {
            list.AddRange(["--pdeathsig", parentDeathSignal]);
        }

        list.Add("--");
        list.Add(program);
        list.AddRange(arguments);
        return list;
    }
}
