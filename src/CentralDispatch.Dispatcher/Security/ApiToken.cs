namespace CentralDispatch.Dispatcher.Security;

/// <summary>An admin's API token; only its SHA-256 hash is stored.</summary>
public sealed class ApiToken
{
    private ApiToken()
    {
    }

    public Guid Id { get; private set; }
    public Guid AdminUserId { get; private set; }
    public string Name { get; private set; } = "";
    public string TokenHash { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? RevokedAt { get; private set; }

    public static ApiToken Issue(Guid adminUserId, string name, string tokenHash, DateTimeOffset now) => new()
    {
        Id = Guid.NewGuid(),
        AdminUserId = adminUserId,
        Name = name,
        TokenHash = tokenHash,
        CreatedAt = now,
    };

    public void Revoke(DateTimeOffset now) => RevokedAt ??= now;
}
