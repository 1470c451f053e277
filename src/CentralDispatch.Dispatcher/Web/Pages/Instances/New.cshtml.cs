using CentralDispatch.Core.Contracts.Instances;
using CentralDispatch.Core.Contracts.Workers;
using CentralDispatch.Core.Validation;
using CentralDispatch.Dispatcher.Application;
using CentralDispatch.Dispatcher.Errors;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CentralDispatch.Dispatcher.Web.Pages.Instances;

/// <summary>Creates a managed instance through the same service and validation as POST /api/v1/instances.</summary>
[RequestSizeLimit(1024 * 1024)]
[RequestFormLimits(MultipartBodyLengthLimit = 1024 * 1024)]
public sealed class NewModel(InstanceService instances, WorkerService workers) : PageModel
{
    [BindProperty]
    public InstanceForm Form { get; set; } = new();

    public IReadOnlyList<WorkerResponse> Workers { get; private set; } = [];

    /// <summary>True when a key was posted but the form came back with errors: the key is not sent back, so ask again.</summary>
    public bool KeyDropped { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => Workers = await workers.ListAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var request = await Form.ToRequestAsync(ModelState, cancellationToken);
        if (ModelState.IsValid)
        {
            try
            {
                var created = await instances.CreateAsync(request, User.Identity?.Name, cancellationToken);
                return Redirect($"/instances/{created.Name}");
            }
            catch (RequestValidationException e)
            {
                ModelState.AddFieldErrors(e.Errors, nameof(Form));
            }
            catch (ConflictException e)
            {
                ModelState.AddFieldError(e.Field, e.Message, nameof(Form));
            }
        }

        // A private key never goes back into a page, not even the one that refused it (the view renders its field empty).
        KeyDropped = !string.IsNullOrWhiteSpace(request.KeyPem);
        Form.KeyPem = null;
        Workers = await workers.ListAsync(cancellationToken);
        return Page();
    }

    /// <summary>The create form; the certificate part may be pasted or uploaded.</summary>
    public sealed class InstanceForm : CertificateForm
    {
        public string? Name { get; set; }
        public string? Hostname { get; set; }
        public string? Aliases { get; set; }
        public string? Worker { get; set; }
        public string? Release { get; set; } = ReleaseNameRule.Default;
        public string? BackendEmail { get; set; }

        public async Task<CreateInstanceRequest> ToRequestAsync(ModelStateDictionary state, CancellationToken cancellationToken)
        {
            await ReadUploadsAsync(nameof(Form), state, cancellationToken);
            return new CreateInstanceRequest(Name?.Trim(), Hostname?.Trim(), AliasText.Parse(Aliases), string.IsNullOrEmpty(Worker) ? null : Worker,
                string.IsNullOrWhiteSpace(Release) ? null : Release.Trim(), BackendEmail?.Trim(), CertificatePem, KeyPem, ChainPem);
        }
    }
}
