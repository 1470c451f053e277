namespace CentralDispatch.Worker.Provisioning.Engine;

/// <summary>Runs step code under its own timeout (and, for Apply, the job's cancel) and turns whatever ends it into a message.</summary>
internal static class GuardedRun
{
    public static async Task<StepFailure?> RunAsync(Func<CancellationToken, Task> work, TimeSpan timeout, CancellationToken jobCancelled,
        TimeProvider timeProvider)
    {
        using var timer = new CancellationTokenSource(timeout, timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(jobCancelled, timer.Token);
        try
        {
            await work(linked.Token);
            return null;
        }
        // Whatever the step threw once a token fired (OperationCanceledException, or a killed program's error)
        // is reported as the cancel or the timeout, which is what the operator needs to read.
        catch (Exception e) when (jobCancelled.IsCancellationRequested)
        {
            return new StepFailure("the job was cancelled", e, Cancelled: true);
        }
        catch (Exception e) when (timer.IsCancellationRequested)
        {
            return new StepFailure($"timed out after {Describe(timeout)}", e, Cancelled: false);
        }
        catch (Exception e)
        {
            return new StepFailure(e.Message, e, Cancelled: false);
        }
    }

    private static string Describe(TimeSpan timeout) =>
        timeout.TotalSeconds >= 1 ? $"{timeout.TotalSeconds:0.###} s" : $"{timeout.TotalMilliseconds:0.###} ms";
}
