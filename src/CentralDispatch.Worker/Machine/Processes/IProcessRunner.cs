namespace CentralDispatch.Worker.Machine.Processes;

/// <summary>Runs external programs with an argument list (never a shell) and captures what they print.</summary>
public interface IProcessRunner
{
    /// <summary>Runs the program to its end. A non-zero exit is returned, not thrown (see <see cref="ProcessResult.EnsureSuccess"/>).</summary>
    /// <exception cref="ProcessTimeoutException">The request's timeout elapsed; the process tree was killed.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled; the process tree was killed.</exception>
    Task<ProcessResult> RunAsync(ProcessRequest request, CancellationToken cancellationToken);
}
