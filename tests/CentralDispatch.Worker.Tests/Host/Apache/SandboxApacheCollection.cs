namespace CentralDispatch.Worker.Tests.Host.Apache;

[CollectionDefinition(Name)]
public sealed class SandboxApacheCollection : ICollectionFixture<SandboxApacheFixture>
{
    public const string Name = "Sandbox Apache";
}
