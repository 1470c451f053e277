using CentralDispatch.Dispatcher.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CentralDispatch.Dispatcher.Web.Pages;

/// <summary>Sign-in with an administrator's e-mail and password; repeated failures lock the account (AdminAccounts).</summary>
public sealed class SignInModel(AdminAccounts accounts) : PageModel
{
    [BindProperty]
    public Credentials Form { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(Form.Email))
        {
            ModelState.AddModelError("Form.Email", "Required: your e-mail address.");
        }

        if (string.IsNullOrEmpty(Form.Password))
        {
            ModelState.AddModelError("Form.Password", "Required: your password.");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var result = await accounts.CheckSignInAsync(Form.Email!, Form.Password!, cancellationToken);
        var admin = result == Security.SignInResult.Success ? await accounts.FindAsync(Form.Email!, cancellationToken) : null;
        if (admin is null)
        {
            // The same words for an unknown e-mail and a wrong password: the form must not tell which accounts exist.
            ModelState.AddModelError(string.Empty, result == Security.SignInResult.LockedOut
                ? $"Too many failed sign-ins: this account is locked for {AdminAccounts.LockoutDuration.TotalMinutes:0} minutes. An administrator can reset its password."
                : "The e-mail address or the password is not right.");
            return Page();
        }

        await HttpContext.SignInAsync(AuthSchemes.Cookie, AdminSession.Principal(admin));
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
    }

    /// <summary>The sign-in form.</summary>
    public sealed class Credentials
    {
        public string? Email { get; set; }

        public string? Password { get; set; }
    }
}
