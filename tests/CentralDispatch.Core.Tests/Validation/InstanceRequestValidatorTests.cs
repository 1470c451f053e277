using CentralDispatch.Core.Contracts.Instances;
using CentralDispatch.Core.Validation;
using CentralDispatch.Testing.Tls;

namespace CentralDispatch.Core.Tests.Validation;

public sealed class InstanceRequestValidatorTests
{
    private static readonly DateTimeOffset Now = TimeProvider.System.GetUtcNow();
    private readonly FieldErrors _errors = new();

    [Fact]
    public void Validate_FillsDefaultsForAMinimalRequestTest()
    {
        var valid = InstanceRequestValidator.Validate(new CreateInstanceRequest("shop", "shop.example.com", BackendEmail: "ops@example.com"), Now, _errors);

        Assert.NotNull(valid);
        Assert.Equal(ReleaseNameRule.Default, valid.Release);
        Assert.Null(valid.Worker);
        Assert.Empty(valid.Aliases);
        Assert.Null(valid.Tls);
    }

    [Fact]
    public void Validate_ReturnsTheCheckedTlsMaterialTest()
    {
        var pem = TestCertificates.ForHosts(["shop.example.com", "www.shop.example.com"], Now);
        var request = new CreateInstanceRequest("shop", "shop.example.com", ["www.shop.example.com"], "web-1", "v2", "ops@example.com",
            pem.CertificatePem, pem.KeyPem, pem.ChainPem);

        var valid = InstanceRequestValidator.Validate(request, Now, _errors);

        Assert.NotNull(valid?.Tls);
        Assert.Equal("web-1", valid.Worker);
        Assert.Equal("v2", valid.Release);
        Assert.Equal(["www.shop.example.com"], valid.Aliases);
    }

    [Fact]
    public void Validate_RefusesMissingBodyTest()
    {
        Assert.Null(InstanceRequestValidator.Validate(null, Now, _errors));
        Assert.Equal(["body"], _errors.Fields);
    }

    [Fact]
    public void Validate_NamesEveryMissingRequiredFieldTest()
    {
        Assert.Null(InstanceRequestValidator.Validate(new CreateInstanceRequest(null, null), Now, _errors));
        Assert.Equal(["backendEmail", "hostname", "name"], _errors.Fields.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Validate_RefusesReservedInstanceNameTest()
    {
        Assert.Null(InstanceRequestValidator.Validate(Request() with { Name = "html" }, Now, _errors));
        Assert.Equal(["name"], _errors.Fields);
    }

    [Fact]
    public void Validate_AcceptsWorkerWhoseNameIsReservedForInstancesTest()
    {
        // Worker names never become folders, so the instance reservations do not apply to them.
        Assert.NotNull(InstanceRequestValidator.Validate(Request() with { Worker = "www" }, Now, _errors));
    }

    [Fact]
    public void Validate_RefusesRepeatedAliasTest()
    {
        Assert.Null(InstanceRequestValidator.Validate(Request() with { Aliases = ["a.example.com", "a.example.com"] }, Now, _errors));
        Assert.Equal(["aliases"], _errors.Fields);
    }

    [Fact]
    public void Validate_RefusesAliasThatRepeatsTheHostnameTest()
    {
        Assert.Null(InstanceRequestValidator.Validate(Request() with { Aliases = ["shop.example.com"] }, Now, _errors));
        Assert.Equal(["aliases"], _errors.Fields);
    }

    [Fact]
    public void Validate_RefusesMoreThanTwentyAliasesTest()
    {
        var aliases = Enumerable.Range(0, InstanceRequestValidator.MaxAliases + 1).Select(i => (string?)$"a{i}.example.com").ToList();

        Assert.NotNull(InstanceRequestValidator.Validate(Request() with { Aliases = aliases[..InstanceRequestValidator.MaxAliases] }, Now, new FieldErrors()));
        Assert.Null(InstanceRequestValidator.Validate(Request() with { Aliases = aliases }, Now, _errors));
        Assert.Equal(["aliases"], _errors.Fields);
    }

    [Fact]
    public void Validate_NamesTheFieldAndEachBadAliasTest()
    {
        Assert.Null(InstanceRequestValidator.Validate(Request() with { Aliases = ["ok.example.com", null, "Bad.example.com"] }, Now, _errors));
        Assert.Equal(["aliases"], _errors.Fields);
        var messages = _errors.ToDictionary()["aliases"];
        Assert.Equal(2, messages.Length);
        Assert.StartsWith("Alias 2:", messages[0], StringComparison.Ordinal);
        Assert.StartsWith("Alias 3:", messages[1], StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_SkipsTlsChecksWhileTheHostnameIsInvalidTest()
    {
        var pem = TestCertificates.ForHosts("shop.example.com");
        var request = Request() with { Hostname = "Shop.Example.com", CertificatePem = pem.CertificatePem, KeyPem = pem.KeyPem };

        Assert.Null(InstanceRequestValidator.Validate(request, Now, _errors));
        Assert.Equal(["hostname"], _errors.Fields);
    }

    private static CreateInstanceRequest Request() => new("shop", "shop.example.com", BackendEmail: "ops@example.com");
}
