using CentralDispatch.Worker.Provisioning;

namespace CentralDispatch.Worker.Tests.Agent;

/// <summary>
/// A step that waits in Apply until the test opens its gate (or the job is cancelled). One instance may serve several
/// jobs at once: it counts how many are inside, for concurrency assertions without any timing.
/// </summary>
public sealed class GateStep(string name) : IProvisioningStep
{
    private readonly TaskCompletionSource _gate = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _inside;
    private int _maxInside;
    private int _entries;
    private int _cancellations;

    public string Name { get; } = name;

    /// <summary>Runs as the step is entered (e.g. to look at what the dispatcher has seen so far).</summary>
    public Action<StepContext>? OnEnter { get; init; }

    public int Inside => Volatile.Read(ref _inside);
    public int MaxInside => Volatile.Read(ref _maxInside);
    public int Entries => Volatile.Read(ref _entries);
    public int Cancellations => Volatile.Read(ref _cancellations);

    public void Open() => _gate.TrySetResult();

    public async Task ApplyAsync(StepContext context)
    {
        Interlocked.Increment(ref _entries);
        var inside = Interlocked.Increment(ref _inside);
        for (var max = MaxInside; inside > max; max = MaxInside)
        {
            Interlocked.CompareExchange(ref _maxInside, inside, max);
        }

        try
        {
            OnEnter?.Invoke(context);
            await _gate.Task.WaitAsync(context.CancellationToken);
        }
        catch (OperationCanceledException) when (context.CancellationToken.IsCancellationRequested)
        {
            Interlocked.Increment(ref _cancellations);
            throw;
        }
        finally
        {
            Interlocked.Decrement(ref _inside);
        }
    }

    public Task<bool> VerifyAsync(StepContext context) => Task.FromResult(true);

    public Task RollbackAsync(ResourceId resource, StepContext context) => Task.CompletedTask;
}
