using CentralDispatch.Cli.Output;
using CentralDispatch.Core.Contracts.Workers;

namespace CentralDispatch.Cli.Commands.Workers;

/// <summary>
/// What an operator pastes on the worker host after register or rotate-token: the token (shown once) and the exact
/// init line, which reads the token from standard input so that it never stands on a command line (`ps`, shell history).
/// </summary>
public static class EnrolmentInstructions
{
    public static string InitLine(Uri dispatcher, bool force)
    {
        ArgumentNullException.ThrowIfNull(dispatcher);
        return ShellWords.Join(["dispatch", "worker", "init", "--profile", "debian", "--dispatcher", dispatcher.ToString().TrimEnd('/'), "--token-stdin",
            .. force ? new[] { "--force" } : []]);
    }

    public static async Task WriteAsync(TextWriter writer, WorkerEnrolmentResponse worker, Uri dispatcher, bool rotated)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(worker);
        await writer.WriteLineAsync(rotated
            ? $"Issued a new enrolment token for worker {worker.Name}; the old one no longer works. It is shown only now:"
            : $"Registered worker {worker.Name} ({worker.State}). Its enrolment token is shown only now:");
        await writer.WriteLineAsync($"  {worker.Token}");
        await writer.WriteLineAsync(rotated
            ? "On the worker host, put it in Worker:Dispatcher:Token of the worker's config file, or write the config again with this line (paste the token when it asks):"
            : "On the worker host, run this line and paste the token when it asks (or give it with --token-file FILE):");
        await writer.WriteLineAsync($"  {InitLine(dispatcher, rotated)}");
        await writer.WriteLineAsync("then `dispatch worker check` and start the agent with `dispatch worker run`.");
    }
}
