namespace CentralDispatch.Web.Tests.Infrastructure;

/// <summary>The browser tests share one dispatcher, one sandbox worker and one Chromium; each test makes its own names.</summary>
[CollectionDefinition(Name)]
public sealed class WebCollection : ICollectionFixture<WebFixture>
{
    public const string Name = "web";
}
