using System.Collections.Concurrent;
using CentralDispatch.Worker.Provisioning;

namespace CentralDispatch.Worker.Tests.Provisioning;

/// <summary>An in-memory host: which resources exist, how often each was created, and the calls steps made, in order.</summary>
public sealed class FakeHost
{
    private readonly ConcurrentDictionary<ResourceId, int> _creations = new();
    private readonly ConcurrentDictionary<ResourceId, byte> _existing = new();
    private readonly ConcurrentQueue<string> _calls = new();

    public IReadOnlyList<string> Calls => _calls.ToList();
    public IReadOnlySet<ResourceId> Existing => _existing.Keys.ToHashSet();

    public bool Exists(ResourceId resource) => _existing.ContainsKey(resource);

    public int CreationsOf(ResourceId resource) => _creations.GetValueOrDefault(resource);

    /// <summary>A resource that was there before the job (or that a crashed attempt already created).</summary>
    public void Seed(ResourceId resource, bool countAsCreation = false)
    {
        _existing[resource] = 0;
        if (countAsCreation)
        {
            _creations.AddOrUpdate(resource, 1, (_, n) => n + 1);
        }
    }

    public void Create(ResourceId resource)
    {
        if (!_existing.TryAdd(resource, 0))
        {
            throw new InvalidOperationException($"{resource} created twice");
        }

        _creations.AddOrUpdate(resource, 1, (_, n) => n + 1);
    }

    public void Remove(ResourceId resource) => _existing.TryRemove(resource, out _);

    public void Log(string call) => _calls.Enqueue(call);
}
