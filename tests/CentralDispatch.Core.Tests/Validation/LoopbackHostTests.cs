using CentralDispatch.Core.Validation;

namespace CentralDispatch.Core.Tests.Validation;

public sealed class LoopbackHostTests
{
    [Theory]
    [InlineData("localhost", true)]
    [InlineData("LOCALHOST", true)]
    [InlineData("127.0.0.1", true)]
    [InlineData("127.8.9.10", true)]
    [InlineData("::1", true)]
    [InlineData("[::1]", true)]
    [InlineData("0.0.0.0", false)]
    [InlineData("[::]", false)]
    [InlineData("*", false)]
    [InlineData("192.0.2.10", false)]
    [InlineData("localhost.example.com", false)]
    [InlineData("dispatch.example.com", false)]
    [InlineData("", false)]
    public void Is_TrueOnlyForThisMachinesLoopback(string host, bool expected) => Assert.Equal(expected, LoopbackHost.Is(host));
}
