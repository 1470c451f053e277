using CentralDispatch.Core.Contracts.Instances;

namespace CentralDispatch.Core.Validation;

/// <summary>Checks every field of an instance creation request, including its TLS input.</summary>
public static class InstanceRequestValidator
{
    public const int MaxAliases = 20;

    public static ValidInstanceRequest? Validate(CreateInstanceRequest? request, DateTimeOffset now, FieldErrors errors)
    {
        if (request is null)
        {
            errors.Add("body", "A JSON object with name, hostname and backendEmail is required.");
            return null;
        }

        errors.Check("name", InstanceNameRule.Check(request.Name));
        var hostnameOk = errors.Check("hostname", HostnameRule.Check(request.Hostname));
        var aliases = CheckAliases(request.Aliases, request.Hostname, errors);
        if (!string.IsNullOrEmpty(request.Worker))
        {
            errors.Check("worker", InstanceNameRule.Check(request.Worker, checkReserved: false));
        }

        var release = string.IsNullOrEmpty(request.Release) ? ReleaseNameRule.Default : request.Release;
        errors.Check("release", ReleaseNameRule.Check(release));
        errors.Check("backendEmail", EmailRule.Check(request.BackendEmail));

        ValidatedTls? tls = null;
        if (hostnameOk && aliases is not null)
        {
            tls = TlsRule.Validate(request.CertificatePem, request.KeyPem, request.ChainPem, [request.Hostname!, .. aliases], now, errors);
        }

        if (!errors.IsEmpty)
        {
            return null;
        }

        return new ValidInstanceRequest(request.Name!, request.Hostname!, aliases!, string.IsNullOrEmpty(request.Worker) ? null : request.Worker,
            release, request.BackendEmail!, tls);
    }

    private static List<string>? CheckAliases(List<string?>? aliases, string? hostname, FieldErrors errors)
    {
        if (aliases is null || aliases.Count == 0)
        {
            return [];
        }

        if (aliases.Count > MaxAliases)
        {
            errors.Add("aliases", $"Too many aliases: {aliases.Count}; at most {MaxAliases}.");
            return null;
        }

        var ok = true;
        for (var i = 0; i < aliases.Count; i++)
        {
            var problem = HostnameRule.Check(aliases[i]);
            if (problem is not null)
            {
                errors.Add("aliases", $"Alias {i + 1}: {problem}");
                ok = false;
            }
        }

        if (!ok)
        {
            return null;
        }

        var list = aliases.Select(a => a!).ToList();
        if (list.Distinct(StringComparer.Ordinal).Count() != list.Count)
        {
            errors.Add("aliases", "An alias is repeated.");
            return null;
        }

        if (hostname is not null && list.Contains(hostname, StringComparer.Ordinal))
        {
            errors.Add("aliases", "An alias repeats the hostname.");
            return null;
        }

        return list;
    }
}

/// <summary>An instance request that passed validation; worker null means automatic placement.</summary>
public sealed record ValidInstanceRequest(
    string Name,
    string Hostname,
    IReadOnlyList<string> Aliases,
    string? Worker,
    string Release,
    string BackendEmail,
    ValidatedTls? Tls);
