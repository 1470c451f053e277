using System.Security.Cryptography;
using CentralDispatch.Core.Domain;
using CentralDispatch.Core.Validation;
using CentralDispatch.Dispatcher.Store;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CentralDispatch.Dispatcher.Security;

/// <summary>Creates administrators, checks their passwords and issues their API tokens.</summary>
public sealed class AdminAccounts(DispatchDbContext db, StoreWriteGate gate, TimeProvider time)
{
    public const int MinPasswordLength = 12;
    public const int LockoutThreshold = 5;
    public static readonly TimeSpan LockoutDuration = TimeSpan.FromMinutes(15);

    private readonly PasswordHasher<AdminUser> _hasher = new();

    /// <summary>Creates an administrator; throws <see cref="DomainException"/> with a clear message when refused.</summary>
    public async Task<AdminUser> CreateAsync(string email, string password, CancellationToken cancellationToken)
    {
        var problem = EmailRule.Check(email);
        if (problem is not null)
        {
            throw new DomainException($"--email: {problem}");
        }

        CheckPassword(password);
        var normalized = email.ToLowerInvariant();
        using var _ = await gate.EnterAsync(cancellationToken);
        if (await db.AdminUsers.AnyAsync(a => a.Email == normalized, cancellationToken))
        {
            throw new DomainException($"An administrator with e-mail {normalized} already exists.");
        }

        var admin = AdminUser.Create(normalized, time.GetUtcNow());
        admin.SetPasswordHash(_hasher.HashPassword(admin, password));
        db.AdminUsers.Add(admin);
        await db.SaveChangesAsync(cancellationToken);
        return admin;
    }

    /// <summary>Issues a new API token for the administrator; returns the token, which is shown once.</summary>
    public async Task<string> IssueTokenAsync(string email, string tokenName, CancellationToken cancellationToken)
    {
        var normalized = email.ToLowerInvariant();
        using var _ = await gate.EnterAsync(cancellationToken);
        var admin = await db.AdminUsers.SingleOrDefaultAsync(a => a.Email == normalized, cancellationToken)
            ?? throw new DomainException($"No administrator with e-mail {normalized}; create one with `dispatch admin create`.");
        if (admin.Disabled)
        {
            throw new DomainException($"The administrator {normalized} is disabled.");
        }

        var token = Tokens.New(Tokens.AdminPrefix);
        db.ApiTokens.Add(ApiToken.Issue(admin.Id, tokenName, Tokens.Hash(token), time.GetUtcNow()));
        await db.SaveChangesAsync(cancellationToken);
        return token;
    }

    /// <summary>Checks a sign-in; counts failures and locks the account after repeated ones.</summary>
    public async Task<SignInResult> CheckSignInAsync(string email, string password, CancellationToken cancellationToken)
    {
        var normalized = email.Trim().ToLowerInvariant();
        var now = time.GetUtcNow();
        using var _ = await gate.EnterAsync(cancellationToken);
        var admin = await db.AdminUsers.SingleOrDefaultAsync(a => a.Email == normalized, cancellationToken);
        if (admin is null || admin.Disabled)
        {
            return SignInResult.Failed;
        }

        if (admin.IsLockedOut(now))
        {
            return SignInResult.LockedOut;
        }

        var verdict = _hasher.VerifyHashedPassword(admin, admin.PasswordHash, password);
        if (verdict == PasswordVerificationResult.Failed)
        {
            admin.RecordFailedSignIn(now, LockoutThreshold, LockoutDuration);
            await db.SaveChangesAsync(cancellationToken);
            return admin.IsLockedOut(now) ? SignInResult.LockedOut : SignInResult.Failed;
        }

        admin.RecordSuccessfulSignIn();
        await db.SaveChangesAsync(cancellationToken);
        return SignInResult.Success;
    }

    /// <summary>Every administrator, by e-mail.</summary>
    public async Task<IReadOnlyList<AdminUser>> ListAsync(CancellationToken cancellationToken) =>
        await db.AdminUsers.AsNoTracking().OrderBy(a => a.Email).ToListAsync(cancellationToken);

    /// <summary>The administrator with this e-mail, or null.</summary>
    public Task<AdminUser?> FindAsync(string email, CancellationToken cancellationToken)
    {
        var normalized = email.Trim().ToLowerInvariant();
        return db.AdminUsers.AsNoTracking().SingleOrDefaultAsync(a => a.Email == normalized, cancellationToken);
    }

    /// <summary>The administrator with this id when it may still sign in (exists, not disabled), else null.</summary>
    public Task<AdminUser?> FindActiveAsync(Guid id, CancellationToken cancellationToken) =>
        db.AdminUsers.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id && !a.Disabled, cancellationToken);

    /// <summary>Disables or enables an administrator; nobody disables their own account (the last admin could lock everyone out).</summary>
    public async Task<AdminUser> SetDisabledAsync(Guid id, bool disabled, Guid actingAdminId, CancellationToken cancellationToken)
    {
        if (disabled && id == actingAdminId)
        {
            throw new DomainException("You cannot disable your own account; ask another administrator.");
        }

        using var _ = await gate.EnterAsync(cancellationToken);
        var admin = await db.AdminUsers.SingleOrDefaultAsync(a => a.Id == id, cancellationToken)
            ?? throw new DomainException("That administrator does not exist any more.");
        if (disabled)
        {
            admin.Disable();
        }
        else
        {
            admin.Enable();
        }

        await db.SaveChangesAsync(cancellationToken);
        return admin;
    }

    /// <summary>Sets a new generated password (which also lifts a lock-out and ends the account's sessions); returns it to show once.</summary>
    public async Task<(AdminUser Admin, string Password)> ResetPasswordAsync(Guid id, CancellationToken cancellationToken)
    {
        var password = GeneratePassword();
        using var _ = await gate.EnterAsync(cancellationToken);
        var admin = await db.AdminUsers.SingleOrDefaultAsync(a => a.Id == id, cancellationToken)
            ?? throw new DomainException("That administrator does not exist any more.");
        admin.SetPasswordHash(_hasher.HashPassword(admin, password));
        await db.SaveChangesAsync(cancellationToken);
        return (admin, password);
    }

    public static string GeneratePassword() =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(18)).Replace('+', 'x').Replace('/', 'y');

    public static void CheckPassword(string password)
    {
        if (password.Length < MinPasswordLength)
        {
            throw new DomainException($"The password must have at least {MinPasswordLength} characters.");
        }
    }
}
