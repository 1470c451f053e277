namespace CentralDispatch.Dispatcher.Security;

/// <summary>An administrator of the dispatcher: signs in to the UI, owns API tokens.</summary>
public sealed class AdminUser
{
    private AdminUser()
    {
    }

    public Guid Id { get; private set; }
    public string Email { get; private set; } = "";
    public string PasswordHash { get; private set; } = "";
    public bool Disabled { get; private set; }
    public int FailedSignIns { get; private set; }
    public DateTimeOffset? LockedUntil { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }

    public static AdminUser Create(string email, DateTimeOffset now) => new()
    {
        Id = Guid.NewGuid(),
        Email = email,
        CreatedAt = now,
    };

    public void SetPasswordHash(string hash)
    {
        PasswordHash = hash;
        FailedSignIns = 0;
        LockedUntil = null;
    }

    public void Disable() => Disabled = true;

    public void Enable() => Disabled = false;

    public bool IsLockedOut(DateTimeOffset now) => LockedUntil is not null && LockedUntil > now;

    /// <summary>Counts a failed sign-in; after <paramref name="limit"/> in a row the account locks for <paramref name="lockout"/>.</summary>
    public void RecordFailedSignIn(DateTimeOffset now, int limit, TimeSpan lockout)
    {
        FailedSignIns++;
        if (FailedSignIns >= limit)
        {
            LockedUntil = now + lockout;
            FailedSignIns = 0;
        }
    }

    public void RecordSuccessfulSignIn()
    {
        FailedSignIns = 0;
        LockedUntil = null;
    }
}
