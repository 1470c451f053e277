using CentralDispatch.Dispatcher.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CentralDispatch.Dispatcher.Web.Pages;

/// <summary>Ends the session (POST only, with the antiforgery token, so no link elsewhere can sign an admin out).</summary>
public sealed class SignOutModel : PageModel
{
    public IActionResult OnGet() => Redirect("/");

    public async Task<IActionResult> OnPostAsync()
    {
        await HttpContext.SignOutAsync(AuthSchemes.Cookie);
        return Redirect(AdminSession.SignInPath);
    }
}
