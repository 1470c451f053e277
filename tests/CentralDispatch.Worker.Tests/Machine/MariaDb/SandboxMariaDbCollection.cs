namespace CentralDispatch.Worker.Tests.Machine.MariaDb;

[CollectionDefinition(Name)]
public sealed class SandboxMariaDbCollection : ICollectionFixture<SandboxMariaDbFixture>
{
    public const string Name = "Sandbox MariaDB";
}
