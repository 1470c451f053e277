using CentralDispatch.Cli.Output;
using CentralDispatch.Core.Contracts.Workers;

namespace CentralDispatch.Cli.Commands.Workers;

/// <summary>What an operator pastes on the worker host after register or rotate-token: the token (shown once) and the exact init line.</summary>
public static class EnrolmentInstructions
{
    public static string InitLine(Uri dispatcher, string token, bool force) =>
        ShellWords.Join(["dispatch", "worker", "init", "--profile", "debian", "--dispatcher", dispatcher.ToString().TrimEnd('/'), "--token", token, .. force ? new[] { "--force" } : []]);

    public static async Task WriteAsync(TextWriter writer, WorkerEnrolmentResponse worker, Uri dispatcher, bool rotated)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(worker);
        await writer.WriteLineAsync(rotated
            ? $"Issued a new enrolment token for worker {worker.Name}; the old one no longer works. It is shown only now:"
            : $"Registered worker {worker.Name} ({worker.State}). Its enrolment token is shown only now:");
        await writer.WriteLineAsync($"  {worker.Token}");
        await writer.WriteLineAsync(rotated
            ? "On the worker host, put it in Worker:Dispatcher:Token of the worker's config file, or write the config again with:"
            : "On the worker host, run:");
        await writer.WriteLineAsync($"  {InitLine(dispatcher, worker.Token, rotated)}");
        await writer.WriteLineAsync("then `dispatch worker check` and start the agent with `dispatch worker run`.");
    }
}
