namespace CentralDispatch.Cli.Client;

/// <summary>The dispatcher to talk to and the admin API token to talk with; <see cref="Source"/> says where they came from.</summary>
public sealed record ApiCredentials(Uri Url, string Token, string Source)
{
    // The token must never reach a log or an error line through a record's generated ToString.
    public override string ToString() => $"ApiCredentials {{ Url = {Url}, Token = (hidden), Source = {Source} }}";
}
