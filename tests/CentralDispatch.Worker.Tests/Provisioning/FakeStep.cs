using CentralDispatch.Worker.Provisioning;

namespace CentralDispatch.Worker.Tests.Provisioning;

/// <summary>
/// A step that creates its resources on a <see cref="FakeHost"/> the way a real step should (CreateOrAdoptAsync),
/// with switches to fail, hang or refuse undos.
/// </summary>
public class FakeStep(string name, FakeHost host, params string[] resources) : IProvisioningStep
{
    public string Name { get; } = name;
    public IReadOnlyList<ResourceId> Resources { get; } = resources.Select(ResourceId.Parse).ToList();

    /// <summary>Throw after creating this many resources (null: never).</summary>
    public int? FailAfter { get; init; }
    public string FailureMessage { get; init; } = "boom";
    public bool VerifyResult { get; init; } = true;

    /// <summary>After creating its resources, wait for the token (a hanging program); <see cref="Hanging"/> completes first.</summary>
    public bool HangInApply { get; init; }
    /// <summary>Create the first resource, then hang before the created record (a program that never returns).</summary>
    public bool HangInCreate { get; init; }

    public TaskCompletionSource Hanging { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public HashSet<ResourceId> UndoFailures { get; } = [];
    public HashSet<ResourceId> UndoHangs { get; } = [];
    public TaskCompletionSource UndoHanging { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    public List<bool> UndoTokenWasCancelled { get; } = [];

    /// <summary>Runs once the step's resources exist (e.g. the host starts stopping meanwhile).</summary>
    public Action? AfterApply { get; init; }

    public TimeSpan? Timeout { get; init; }
    public TimeSpan? UndoTimeout { get; init; }

    public async Task ApplyAsync(StepContext context)
    {
        host.Log($"apply:{Name}");
        var created = 0;
        foreach (var resource in Resources)
        {
            if (created == FailAfter)
            {
                throw new InvalidOperationException(FailureMessage);
            }

            await context.CreateOrAdoptAsync(resource, _ => Task.FromResult(host.Exists(resource)), async token =>
            {
                host.Create(resource);
                if (HangInCreate)
                {
                    // The program made the resource but never returned: the journal holds only the intent.
                    Hanging.TrySetResult();
                    await Task.Delay(System.Threading.Timeout.Infinite, token);
                }
            });
            created++;
        }

        if (created == FailAfter)
        {
            throw new InvalidOperationException(FailureMessage);
        }

        AfterApply?.Invoke();
        if (HangInApply)
        {
            Hanging.TrySetResult();
            await Task.Delay(System.Threading.Timeout.Infinite, context.CancellationToken);
        }
    }

    public Task<bool> VerifyAsync(StepContext context) => Task.FromResult(VerifyResult && Resources.All(host.Exists));

    public async Task RollbackAsync(ResourceId resource, StepContext context)
    {
        host.Log($"rollback:{Name}:{resource}");
        UndoTokenWasCancelled.Add(context.CancellationToken.IsCancellationRequested);
        if (UndoHangs.Contains(resource))
        {
            UndoHanging.TrySetResult();
            await Task.Delay(System.Threading.Timeout.Infinite, context.CancellationToken);
        }

        if (UndoFailures.Contains(resource))
        {
            throw new InvalidOperationException($"cannot remove {resource}");
        }

        host.Remove(resource);
    }
}
