namespace CentralDispatch.Dispatcher.Tests.Queue;

/// <summary>The queue suite on the embedded SQLite store.</summary>
public sealed class SqliteQueueTests : QueueSuite
{
    protected override Task<string?> StoreAsync() => Task.FromResult<string?>(null);
}
