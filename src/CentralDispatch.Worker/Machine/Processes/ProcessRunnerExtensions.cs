namespace CentralDispatch.Worker.Machine.Processes;

public static class ProcessRunnerExtensions
{
    /// <summary>Runs the program and throws <see cref="ProcessFailedException"/> unless it exits with 0.</summary>
    public static async Task<ProcessResult> RunCheckedAsync(this IProcessRunner runner, ProcessRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(runner);
        var result = await runner.RunAsync(request, cancellationToken);
        return result.EnsureSuccess();
    }
}
