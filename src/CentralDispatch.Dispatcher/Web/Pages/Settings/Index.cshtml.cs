using CentralDispatch.Core.Contracts.Workers;
using CentralDispatch.Core.Validation;
using CentralDispatch.Dispatcher.Application;
using CentralDispatch.Dispatcher.Errors;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CentralDispatch.Dispatcher.Web.Pages.Settings;

/// <summary>
/// Settings › Central Dispatch Settings: register worker hosts (the enrolment token is shown once, in the response to
/// the registration) and drain, re-key or remove them, each behind a confirmation naming the worker.
/// </summary>
public sealed class IndexModel(WorkerService workers, TimeProvider time) : PageModel
{
    [BindProperty]
    public WorkerForm Form { get; set; } = new();

    /// <summary>The pending confirmation (?confirm=remove&amp;worker=NAME).</summary>
    [BindProperty(SupportsGet = true, Name = "confirm")]
    public string? ConfirmAction { get; set; }

    [BindProperty(SupportsGet = true, Name = "worker")]
    public string? ConfirmWorker { get; set; }

    public IReadOnlyList<WorkerResponse> Workers { get; private set; } = [];
    public WorkerEnrolmentResponse? Enrolled { get; private set; }
    public bool Rotated { get; private set; }
    public string? Notice { get; private set; }
    public string? ActionError { get; private set; }
    public DateTimeOffset Now { get; private set; }

    public WorkerAction? Confirming => WorkerActionText.TryParse(ConfirmAction, out var a) && Workers.Any(w => w.Name == ConfirmWorker) ? a : null;

    /// <summary>
    /// The line to paste on the worker host: the dispatcher as this browser reached it. It reads the token from standard
    /// input (pasted when asked), so the token never stands on a command line, where `ps` and the shell history keep it.
    /// </summary>
    public string InitLine() =>
        $"dispatch worker init --profile debian --dispatcher {Request.Scheme}://{Request.Host}{Request.PathBase} --token-stdin{(Rotated ? " --force" : "")}";

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostRegisterAsync(CancellationToken cancellationToken)
    {
        try
        {
            Enrolled = await workers.RegisterAsync(Form.ToRequest(), cancellationToken);
            Form = new WorkerForm();
            ModelState.Clear();
            NoStore();
        }
        catch (RequestValidationException e)
        {
            ModelState.AddFieldErrors(e.Errors, nameof(Form));
        }
        catch (ConflictException e)
        {
            ModelState.AddFieldError(e.Field, e.Message, nameof(Form));
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostWorkerAsync(string? name, string? action, string? confirmed, CancellationToken cancellationToken)
    {
        if (name is null || !WorkerActionText.TryParse(action, out var parsed))
        {
            return BadRequest();
        }

        if (confirmed != name)
        {
            return Redirect($"/settings?confirm={action}&worker={Uri.EscapeDataString(name)}#confirm");
        }

        try
        {
            switch (parsed)
            {
                case WorkerAction.Drain:
                    await workers.DrainAsync(name, cancellationToken);
                    Notice = $"Worker {name} is draining: it takes no new instances; the ones it has stay.";
                    break;
                case WorkerAction.RotateToken:
                    Enrolled = await workers.RotateTokenAsync(name, cancellationToken);
                    Rotated = true;
                    NoStore();
                    break;
                default:
                    await workers.RemoveAsync(name, cancellationToken);
                    Notice = $"Worker {name} was removed; its token no longer works.";
                    break;
            }
        }
        catch (Exception e) when (e is ConflictException or NotFoundException or Core.Domain.DomainException)
        {
            ActionError = e.Message;
        }

        ConfirmAction = null;
        await LoadAsync(cancellationToken);
        return Page();
    }

    private void NoStore() => Response.Headers.CacheControl = "no-store";

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Now = time.GetUtcNow();
        Workers = await workers.ListAsync(cancellationToken);
    }

    /// <summary>The registration form; labels are typed separated by spaces or commas.</summary>
    public sealed class WorkerForm
    {
        public string? Name { get; set; }
        public string? HostUrl { get; set; }
        public string? InstallPath { get; set; } = InstallPathRule.Default;
        public string? Labels { get; set; }
        public string? Capacity { get; set; } = WorkerRequestValidator.DefaultCapacity.ToString(System.Globalization.CultureInfo.InvariantCulture);

        public RegisterWorkerRequest ToRequest()
        {
            var labels = (Labels ?? "").Split([' ', ',', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries).Select(l => (string?)l).ToList();
            // Text that is no number goes to the service as 0, which its range rule refuses with the field's message.
            int? capacity = string.IsNullOrWhiteSpace(Capacity) ? null : int.TryParse(Capacity.Trim(), out var c) ? c : 0;
            return new RegisterWorkerRequest(Name?.Trim(), HostUrl?.Trim(), string.IsNullOrWhiteSpace(InstallPath) ? null : InstallPath.Trim(),
                labels.Count == 0 ? null : labels, capacity);
        }
    }
}
