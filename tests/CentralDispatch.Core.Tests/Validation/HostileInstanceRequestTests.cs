using CentralDispatch.Core.Contracts.Instances;
using CentralDispatch.Core.Validation;
using CentralDispatch.Testing.Tls;

namespace CentralDispatch.Core.Tests.Validation;

/// <summary>Every hostile value in every field of an instance request is refused, with the error on that field.</summary>
public sealed class HostileInstanceRequestTests
{
    private const string Hostname = "acme-shop.example.com";
    private const string Alias = "www.acme-shop.example.com";
    private static readonly DateTimeOffset Now = TimeProvider.System.GetUtcNow();
    private static readonly PemCertificate Certificate = TestCertificates.ForHosts([Hostname, Alias], Now);

    private static readonly Dictionary<string, (string Valid, Func<CreateInstanceRequest, string, CreateInstanceRequest> With)> Fields = new(StringComparer.Ordinal)
    {
        ["name"] = ("acme-shop", (r, v) => r with { Name = v }),
        ["hostname"] = (Hostname, (r, v) => r with { Hostname = v }),
        ["aliases"] = (Alias, (r, v) => r with { Aliases = [v] }),
        ["worker"] = ("web-1", (r, v) => r with { Worker = v }),
        ["release"] = ("v1.2.3", (r, v) => r with { Release = v }),
        ["backendEmail"] = ("ops@example.com", (r, v) => r with { BackendEmail = v }),
        [TlsRule.CertificateField] = (Certificate.CertificatePem, (r, v) => r with { CertificatePem = v }),
        [TlsRule.KeyField] = (Certificate.KeyPem, (r, v) => r with { KeyPem = v }),
        [TlsRule.ChainField] = (Certificate.ChainPem, (r, v) => r with { ChainPem = v }),
    };

    public static TheoryData<string, string> Cases() => HostileInputs.Cases(Fields.Keys, IsAcceptedByDesign);

    [Fact]
    public void Validate_AcceptsTheValidRequestTheCorpusStartsFromTest()
    {
        var errors = new FieldErrors();

        Assert.NotNull(InstanceRequestValidator.Validate(ValidRequest(), Now, errors));
        Assert.True(errors.IsEmpty, errors.ToString());
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Validate_RefusesHostileValueWithAnErrorOnItsFieldTest(string field, string entry)
    {
        var (valid, with) = Fields[field];
        var request = with(ValidRequest(), HostileInputs.Apply(entry, valid));
        var errors = new FieldErrors();

        var result = InstanceRequestValidator.Validate(request, Now, errors);

        Assert.Null(result);
        Assert.Equal([field], errors.Fields);
    }

    private static CreateInstanceRequest ValidRequest() => new(
        "acme-shop", Hostname, [Alias], "web-1", "v1.2.3", "ops@example.com",
        Certificate.CertificatePem, Certificate.KeyPem, Certificate.ChainPem);

    /// <summary>Values the rules accept on purpose; each exception says why.</summary>
    private static bool IsAcceptedByDesign(string field, string entry) => field switch
    {
        // Mail domains are case-insensitive and local parts belong to the mail server: case is kept as given.
        "backendEmail" => entry is "upper-case" or "upper-last-letter",
        // Empty means "the default release" and "place it automatically".
        "release" or "worker" => entry is "empty",
        // PEM text is trimmed; white space around the blocks is not part of the certificate. Changing the case of
        // one base64 letter flips bits inside the DER (usually the signature), which is corrupt data, not an injection.
        TlsRule.CertificateField => HostileInputs.WhiteSpaceOnly.Contains(entry) || entry is "upper-last-letter",
        TlsRule.KeyField => HostileInputs.WhiteSpaceOnly.Contains(entry),
        // The chain is optional, so a blank one means "no chain".
        TlsRule.ChainField => HostileInputs.WhiteSpaceOnly.Contains(entry) || HostileInputs.Blank.Contains(entry) || entry is "upper-last-letter",
        _ => false,
    };
}
