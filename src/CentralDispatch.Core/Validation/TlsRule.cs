using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace CentralDispatch.Core.Validation;

/// <summary>
/// Validates a PEM certificate, its private key and an optional chain: parsed, key matches, the certificate
/// covers every host name given, and it is valid now. Each error names the field it is about.
/// </summary>
public static class TlsRule
{
    public const int MaxPemLength = 64 * 1024;
    public const string CertificateField = "certificatePem";
    public const string KeyField = "keyPem";
    public const string ChainField = "chainPem";
    private const string StrayText = "STRAY TEXT";

    /// <returns>The validated material, null when no certificate was given, or null with errors added.</returns>
    public static ValidatedTls? Validate(string? certificatePem, string? keyPem, string? chainPem,
        IReadOnlyList<string> hostnames, DateTimeOffset now, FieldErrors errors)
    {
        var hasCert = !string.IsNullOrWhiteSpace(certificatePem);
        var hasKey = !string.IsNullOrWhiteSpace(keyPem);
        var hasChain = !string.IsNullOrWhiteSpace(chainPem);
        if (!hasCert && !hasKey)
        {
            if (hasChain)
            {
                errors.Add(ChainField, "A chain was given without a certificate; give the certificate and key too, or no chain.");
            }

            return null;
        }

        if (!hasCert)
        {
            errors.Add(CertificateField, "A private key was given without its certificate.");
            return null;
        }

        if (!CheckSize(CertificateField, certificatePem!, errors) | (hasKey && !CheckSize(KeyField, keyPem!, errors))
            | (hasChain && !CheckSize(ChainField, chainPem!, errors)))
        {
            return null;
        }

        var leafBlocks = ReadBlocks(certificatePem!);
        if (leafBlocks.Count != 1 || leafBlocks[0].Label != "CERTIFICATE")
        {
            errors.Add(CertificateField, leafBlocks.Count == 0
                ? "Not a PEM certificate: expected one '-----BEGIN CERTIFICATE-----' block."
                : leafBlocks.Exists(b => b.Label == StrayText)
                    ? "There is text outside the PEM block; give only the '-----BEGIN CERTIFICATE-----' block."
                    : "Expected exactly one CERTIFICATE block; put intermediate certificates in the chain.");
            return null;
        }

        X509Certificate2 certificate;
        try
        {
            certificate = X509Certificate2.CreateFromPem(certificatePem!.Trim());
        }
        catch (CryptographicException e)
        {
            errors.Add(CertificateField, $"The certificate could not be read: {e.Message}");
            return null;
        }

        using (certificate)
        {
            var keyProblem = KeyProblem(keyPem);
            if (keyProblem is not null)
            {
                errors.Add(KeyField, keyProblem);
                return null;
            }

            if (!KeyMatches(certificate, certificatePem!, keyPem!, errors))
            {
                return null;
            }

            var notBefore = new DateTimeOffset(certificate.NotBefore.ToUniversalTime());
            var notAfter = new DateTimeOffset(certificate.NotAfter.ToUniversalTime());
            if (now > notAfter)
            {
                errors.Add(CertificateField, $"The certificate expired on {notAfter:yyyy-MM-dd HH:mm} UTC.");
            }
            else if (now < notBefore)
            {
                errors.Add(CertificateField, $"The certificate is not valid before {notBefore:yyyy-MM-dd HH:mm} UTC.");
            }

            var uncovered = hostnames.Where(h => !certificate.MatchesHostname(h, allowWildcards: true, allowCommonName: true)).ToList();
            if (uncovered.Count > 0)
            {
                errors.Add(CertificateField, $"The certificate does not cover {string.Join(", ", uncovered)} (subject {certificate.Subject}).");
            }

            if (hasChain)
            {
                CheckChain(certificate, chainPem!, errors);
            }

            if (errors.Has(CertificateField) || errors.Has(ChainField))
            {
                return null;
            }

            return new ValidatedTls(certificatePem!.Trim() + "\n", keyPem!.Trim() + "\n", hasChain ? chainPem!.Trim() + "\n" : null,
                notBefore, notAfter, certificate.Subject, certificate.Thumbprint);
        }
    }

    private static string? KeyProblem(string? keyPem)
    {
        if (string.IsNullOrWhiteSpace(keyPem))
        {
            return "Required with a certificate: the certificate's private key in PEM form.";
        }

        var blocks = ReadBlocks(keyPem);
        if (blocks.Count != 1 || !blocks[0].Label.EndsWith("PRIVATE KEY", StringComparison.Ordinal))
        {
            return "Not a PEM private key: expected one '-----BEGIN PRIVATE KEY-----' (or RSA/EC PRIVATE KEY) block.";
        }

        return blocks[0].Label == "ENCRYPTED PRIVATE KEY" || keyPem.Contains("Proc-Type: 4,ENCRYPTED", StringComparison.Ordinal)
            ? "The private key is encrypted with a passphrase; give the key unencrypted (it is encrypted at rest here)."
            : null;
    }

    private static bool KeyMatches(X509Certificate2 certificate, string certificatePem, string keyPem, FieldErrors errors)
    {
        try
        {
            using var withKey = X509Certificate2.CreateFromPem(certificatePem.Trim(), keyPem.Trim());
            return true;
        }
        // .NET reports a mismatch as CryptographicException on some platforms and ArgumentException on Linux.
        catch (Exception e) when (e is CryptographicException or ArgumentException && e.Message.Contains("match", StringComparison.OrdinalIgnoreCase))
        {
            errors.Add(KeyField, $"The private key does not match the certificate (subject {certificate.Subject}).");
        }
        catch (CryptographicException e)
        {
            errors.Add(KeyField, $"The private key could not be read: {e.Message}");
        }
        catch (ArgumentException e)
        {
            errors.Add(KeyField, $"The private key could not be read: {e.Message}");
        }

        return false;
    }

    private static void CheckChain(X509Certificate2 leaf, string chainPem, FieldErrors errors)
    {
        var blocks = ReadBlocks(chainPem);
        if (blocks.Count == 0 || blocks.Any(b => b.Label != "CERTIFICATE"))
        {
            errors.Add(ChainField, "Not a PEM chain: expected one or more '-----BEGIN CERTIFICATE-----' blocks.");
            return;
        }

        try
        {
            var chain = new X509Certificate2Collection();
            chain.ImportFromPem(chainPem);
            try
            {
                if (chain[0].SubjectName.RawData.AsSpan().SequenceEqual(leaf.IssuerName.RawData) is false)
                {
                    errors.Add(ChainField, $"The chain does not start with the certificate's issuer ({leaf.Issuer}); it starts with {chain[0].Subject}.");
                }
            }
            finally
            {
                foreach (var cert in chain)
                {
                    cert.Dispose();
                }
            }
        }
        catch (CryptographicException e)
        {
            errors.Add(ChainField, $"The chain could not be read: {e.Message}");
        }
    }

    private static bool CheckSize(string field, string pem, FieldErrors errors) =>
        pem.Length <= MaxPemLength || !errors.Check(field, $"Too long: {pem.Length} characters; at most {MaxPemLength}.");

    private static List<(string Label, string Text)> ReadBlocks(string pem)
    {
        var blocks = new List<(string, string)>();
        var rest = pem.AsSpan();
        var stray = false;
        while (PemEncoding.TryFind(rest, out var fields))
        {
            // PEM allows text before a block, but ours is stored and written out verbatim: only blocks may pass.
            stray |= !rest[..fields.Location.Start].Trim().IsEmpty;
            blocks.Add((rest[fields.Label].ToString(), rest[fields.Location].ToString()));
            rest = rest[fields.Location.End..];
        }

        // Anything but whitespace outside the blocks is not PEM we understand.
        stray |= !rest.Trim().IsEmpty;
        return !stray || blocks.Count == 0 ? blocks : [.. blocks, (StrayText, "")];
    }
}
