using System.Text.Json.Serialization;
using CentralDispatch.Core.Contracts.Agent;
using CentralDispatch.Core.Validation;

namespace CentralDispatch.Core.Domain.Actions;

/// <summary>Rotate certificate: install a new certificate and key, checked as at create time; the old ones come back on failure.</summary>
public sealed class RotateCertificateAction : InstanceAction<RotateCertificateAction.Arguments>
{
    public override string Slug => "rotate-certificate";

    public override JobKind Kind => JobKind.RotateCertificate;

    public override IReadOnlyList<InstanceState> AllowedFrom { get; } = [InstanceState.Active, InstanceState.Suspended];

    // The instance keeps its state either way; only a success changes its certificate (FactsAfter).
    public override ActionOutcomes Ends { get; } = new(null);

    public override ActionInput Input => ActionInput.Certificate;

    public override ActionTexts Texts { get; } = new("Rotate certificate",
        "Install a new certificate and key (checked as at create time); the old ones come back on failure.");

    protected override Arguments? ArgumentsFor(ActionContext context)
    {
        var request = context.Request;
        if (string.IsNullOrWhiteSpace(request?.CertificatePem))
        {
            context.Errors.Add(TlsRule.CertificateField, "Required: the new certificate (PEM) to rotate to, with its key.");
            return null;
        }

        var instance = context.Instance;
        var tls = TlsRule.Validate(request.CertificatePem, request.KeyPem, request.ChainPem, [instance.Hostname, .. instance.Aliases],
            context.Now, context.Errors);
        return tls is null ? null : Arguments.Of(context.Protect(tls));
    }

    protected override JobPayloadParameters PayloadOf(Arguments arguments, Func<string, string> unprotectKey) =>
        new(NewTls: new TlsPayload(arguments.CertificatePem, unprotectKey(arguments.ProtectedKeyPem), arguments.ChainPem));

    protected override JobResultFacts FactsAfter(Arguments arguments, JobResultFacts reported) =>
        reported with { Certificate = arguments.Tls };

    /// <summary>The new certificate, its key encrypted for the store, and its chain; the field names of the stored JSON since v1.</summary>
    public sealed record Arguments(string CertificatePem, string ProtectedKeyPem, string? ChainPem, DateTimeOffset CertificateNotAfter)
    {
        [JsonIgnore]
        public TlsMaterial Tls => new(CertificatePem, ProtectedKeyPem, ChainPem, CertificateNotAfter);

        public static Arguments Of(TlsMaterial tls) => new(tls.CertificatePem, tls.ProtectedKeyPem, tls.ChainPem, tls.NotAfter);
    }
}
