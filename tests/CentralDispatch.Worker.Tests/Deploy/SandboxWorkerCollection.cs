namespace CentralDispatch.Worker.Tests.Deploy;

/// <summary>The deploy tests share one sandbox worker host (one Apache, one MariaDB); each test uses its own instance names.</summary>
[CollectionDefinition(Name)]
public sealed class SandboxWorkerCollection : ICollectionFixture<SandboxWorkerFixture>
{
    public const string Name = "SandboxWorker";
}
