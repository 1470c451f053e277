using CentralDispatch.Cli.Commands;

namespace CentralDispatch.Cli.Client;

/// <summary>Finds the dispatcher URL and token: flags first, then CD_URL / CD_TOKEN, then the file `dispatch login` wrote. Each part separately.</summary>
public sealed class CredentialResolver(Func<string, string?> environment)
{
    public const string UrlVariable = "CD_URL";
    public const string TokenVariable = "CD_TOKEN";

    public static CredentialResolver FromProcess() => new(Environment.GetEnvironmentVariable);

    public string ConfigPath => CliConfigFile.DefaultPath(environment);

    /// <exception cref="CliException">Missing URL or token (exit 2, saying how to log in), or a URL that is not http(s).</exception>
    public async Task<ApiCredentials> ResolveAsync(string? urlFlag, string? tokenFlag, CancellationToken cancellationToken)
    {
        var url = CliConfigFile.NonEmpty(urlFlag);
        var token = CliConfigFile.NonEmpty(tokenFlag);
        var sources = new List<string>();
        if (url is not null || token is not null)
        {
            sources.Add("flags");
        }

        if ((url is null && environment(UrlVariable) is { Length: > 0 }) || (token is null && environment(TokenVariable) is { Length: > 0 }))
        {
            url ??= CliConfigFile.NonEmpty(environment(UrlVariable));
            token ??= CliConfigFile.NonEmpty(environment(TokenVariable));
            sources.Add("environment");
        }

        if (url is null || token is null)
        {
            var saved = await CliConfigFile.ReadAsync(ConfigPath, cancellationToken);
            if (saved is not null)
            {
                url ??= CliConfigFile.NonEmpty(saved.Url);
                token ??= CliConfigFile.NonEmpty(saved.Token);
                sources.Add(ConfigPath);
            }
        }

        if (url is null || token is null)
        {
            var missing = url is null && token is null ? "No dispatcher URL or API token" : url is null ? "No dispatcher URL" : "No API token";
            throw new CliException(
                $"{missing} is configured; run `dispatch login --url URL --token TOKEN` (a token comes from `dispatch admin token`), "
                + $"or pass --url and --token, or set {UrlVariable} and {TokenVariable}.",
                ExitCodes.Unavailable);
        }

        return new ApiCredentials(ParseUrl(url), token, string.Join(" + ", sources));
    }

    /// <summary>An absolute http(s) URL; a path such as /dispatch is kept so the API is found under it.</summary>
    public static Uri ParseUrl(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var parsed) || (parsed.Scheme != Uri.UriSchemeHttp && parsed.Scheme != Uri.UriSchemeHttps))
        {
            throw new CliException($"--url: '{url}' is not an absolute http:// or https:// URL of the dispatcher.");
        }

        return parsed.AbsolutePath.EndsWith('/') ? parsed : new Uri(parsed + "/");
    }
}
