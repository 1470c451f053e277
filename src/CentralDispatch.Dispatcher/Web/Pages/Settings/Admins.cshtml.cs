using CentralDispatch.Core.Domain;
using CentralDispatch.Core.Validation;
using CentralDispatch.Dispatcher.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CentralDispatch.Dispatcher.Web.Pages.Settings;

/// <summary>Administrators: add one, disable or enable, reset a password (a generated one, shown once).</summary>
public sealed class AdminsModel(AdminAccounts accounts, TimeProvider time) : PageModel
{
    [BindProperty]
    public NewAdmin Form { get; set; } = new();

    public IReadOnlyList<AdminUser> Admins { get; private set; } = [];
    public DateTimeOffset Now { get; private set; }
    public Guid? Me => User.AdminId();
    public string? Notice { get; private set; }
    public string? ActionError { get; private set; }

    /// <summary>A password made here, to show once: for whom, and the password.</summary>
    public (string Email, string Password)? Issued { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAddAsync(CancellationToken cancellationToken)
    {
        var email = Form.Email?.Trim() ?? "";
        if (EmailRule.Check(email) is { } problem)
        {
            ModelState.AddFieldError("email", problem, nameof(Form));
        }

        var generated = string.IsNullOrEmpty(Form.Password);
        var password = generated ? AdminAccounts.GeneratePassword() : Form.Password!;
        if (password.Length < AdminAccounts.MinPasswordLength)
        {
            ModelState.AddFieldError("password", $"At least {AdminAccounts.MinPasswordLength} characters, or leave it empty to have one generated.", nameof(Form));
        }

        if (ModelState.IsValid)
        {
            try
            {
                var admin = await accounts.CreateAsync(email, password, cancellationToken);
                Notice = $"Administrator {admin.Email} was added.";
                Issued = generated ? (admin.Email, password) : null;
                Form = new NewAdmin();
                ModelState.Clear();
                Response.Headers.CacheControl = "no-store";
            }
            catch (DomainException e)
            {
                ModelState.AddFieldError("email", e.Message, nameof(Form));
            }
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostDisableAsync(Guid id, bool disabled, CancellationToken cancellationToken)
    {
        try
        {
            var admin = await accounts.SetDisabledAsync(id, disabled, Me ?? Guid.Empty, cancellationToken);
            Notice = disabled ? $"{admin.Email} is disabled: its sessions and API tokens stop working." : $"{admin.Email} is enabled again.";
        }
        catch (DomainException e)
        {
            ActionError = e.Message;
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostResetAsync(Guid id, CancellationToken cancellationToken)
    {
        try
        {
            var (admin, password) = await accounts.ResetPasswordAsync(id, cancellationToken);
            Issued = (admin.Email, password);
            Response.Headers.CacheControl = "no-store";
        }
        catch (DomainException e)
        {
            ActionError = e.Message;
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Now = time.GetUtcNow();
        Admins = await accounts.ListAsync(cancellationToken);
    }

    /// <summary>The add form; an empty password means "generate one".</summary>
    public sealed class NewAdmin
    {
        public string? Email { get; set; }
        public string? Password { get; set; }
    }
}
