namespace CentralDispatch.Worker.Tests.Machine.Apache;

[CollectionDefinition(Name)]
public sealed class SandboxApacheCollection : ICollectionFixture<SandboxApacheFixture>
{
    public const string Name = "Sandbox Apache";
}
