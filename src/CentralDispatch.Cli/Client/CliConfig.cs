namespace CentralDispatch.Cli.Client;

/// <summary>What `dispatch login` saves: the dispatcher's URL and an admin API token.</summary>
public sealed record CliConfig(string? Url, string? Token)
{
    public override string ToString() => $"CliConfig {{ Url = {Url}, Token = (hidden) }}";
}
