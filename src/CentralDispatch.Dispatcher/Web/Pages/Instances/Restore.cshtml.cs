using CentralDispatch.Core.Contracts.Instances;
using CentralDispatch.Core.Domain;
using CentralDispatch.Dispatcher.Application;
using CentralDispatch.Dispatcher.Errors;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CentralDispatch.Dispatcher.Web.Pages.Instances;

/// <summary>
/// Restores an Archived instance from its archive, under its own name or as a new instance, through the same service
/// and validation as POST /api/v1/instances/{name}/restore.
/// </summary>
[RequestSizeLimit(1024 * 1024)]
[RequestFormLimits(MultipartBodyLengthLimit = 1024 * 1024)]
public sealed class RestoreModel(InstanceService instances) : PageModel
{
    /// <summary>The form's fields, by the API's field names: errors on any other field go to the form as a whole.</summary>
    private static readonly HashSet<string> FormFields = ["name", "hostname", "aliases", "certificatePem", "keyPem", "chainPem"];

    [BindProperty(SupportsGet = true)]
    public string Name { get; set; } = "";

    [BindProperty]
    public RestoreForm Form { get; set; } = new();

    public InstanceResponse Archived { get; private set; } = null!;

    public bool KeyDropped { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        Form = new RestoreForm { Name = Archived.Name, Hostname = Archived.Hostname, Aliases = AliasText.Format(Archived.Aliases) };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var request = await Form.ToRequestAsync(ModelState, cancellationToken);
        if (ModelState.IsValid)
        {
            try
            {
                var restored = await instances.RestoreAsync(Name, request, User.Identity?.Name, cancellationToken);
                return Redirect($"/instances/{Uri.EscapeDataString(restored.Name)}");
            }
            catch (RequestValidationException e)
            {
                ModelState.AddFieldErrors(e.Errors, nameof(Form), FormFields);
            }
            catch (ConflictException e)
            {
                ModelState.AddFieldError(e.Field is not null && FormFields.Contains(e.Field) ? e.Field : null, e.Message, nameof(Form));
            }
            catch (DomainException e)
            {
                ModelState.AddModelError(string.Empty, e.Message);
            }
        }

        // As on the create form: a refused key is not written back into the page.
        KeyDropped = !string.IsNullOrWhiteSpace(request.KeyPem);
        Form.KeyPem = null;
        return await LoadAsync(cancellationToken) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        try
        {
            Archived = await instances.GetAsync(Name, cancellationToken);
            return true;
        }
        catch (NotFoundException)
        {
            return false;
        }
    }

    /// <summary>The restore form: empty fields keep the archived instance's name, host names and certificate.</summary>
    public sealed class RestoreForm : CertificateForm
    {
        public string? Name { get; set; }
        public string? Hostname { get; set; }
        public string? Aliases { get; set; }

        public async Task<RestoreInstanceRequest> ToRequestAsync(ModelStateDictionary state, CancellationToken cancellationToken)
        {
            await ReadUploadsAsync(nameof(Form), state, cancellationToken);
            return new RestoreInstanceRequest(Blank(Name), Blank(Hostname), AliasText.Parse(Aliases), CertificatePem, KeyPem, ChainPem);
        }

        private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
    }
}
