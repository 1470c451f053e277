using CentralDispatch.Core.Contracts.Instances;
using CentralDispatch.Core.Contracts.Jobs;
using CentralDispatch.Core.Domain;
using CentralDispatch.Core.Domain.Actions;
using CentralDispatch.Dispatcher.Application;
using CentralDispatch.Dispatcher.Errors;
using CentralDispatch.Dispatcher.Web.Live;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CentralDispatch.Dispatcher.Web.Pages.Instances;

/// <summary>
/// One instance: every field (never the key), the actions its state allows, the current job's live step list,
/// the history with each past job's timeline, and at the bottom the error field.
/// </summary>
[RequestSizeLimit(1024 * 1024)]
[RequestFormLimits(MultipartBodyLengthLimit = 1024 * 1024)]
public sealed class DetailModel(InstanceService instances, JobService jobs, ReleaseChoices releases, TimeProvider time) : PageModel
{
    /// <summary>The name of the redeploy form's release field, and the key of its errors.</summary>
    public const string RedeployField = "release";

    private const int Timelines = 10;

    [BindProperty(SupportsGet = true)]
    public string Name { get; set; } = "";

    /// <summary>The action awaiting confirmation (?confirm=decommission), when one was asked for.</summary>
    [BindProperty(SupportsGet = true, Name = "confirm")]
    public string? ConfirmSlug { get; set; }

    [BindProperty]
    public CertificateForm Rotate { get; set; } = new();

    public InstanceResponse Instance { get; private set; } = null!;
    public JobResponse? LatestJob { get; private set; }
    public IReadOnlyList<JobSummary> History { get; private set; } = [];
    public IReadOnlyDictionary<long, JobResponse> Steps { get; private set; } = new Dictionary<long, JobResponse>();
    public DateTimeOffset Now { get; private set; }
    public string? ActionError { get; private set; }
    public bool RotateOpen { get; private set; }

    /// <summary>The releases the redeploy field suggests, and the one typed when a redeploy was refused.</summary>
    public IReadOnlyList<string> Releases { get; private set; } = [];
    public string? RedeployRelease { get; private set; }

    public bool Busy => LatestJob is { State: JobState.Queued or JobState.Running };

    public InstanceAction? Confirming => ConfirmSlug is not null && InstanceActions.TryParse(ConfirmSlug, out var a) && a.Texts.Confirmation is not null
        ? a
        : null;

    /// <summary>The actions the page offers in the instance's state; none while a job of it is unfinished.</summary>
    public IEnumerable<InstanceAction> Allowed => Busy ? [] : InstanceActions.All.Where(a => a.OfferedFrom.Contains(Instance.State));

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await LoadAsync(cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostActAsync(string? action, string? confirmed, string? release, CancellationToken cancellationToken)
    {
        // A certificate comes through the upload form's own handler.
        if (action is null || !InstanceActions.TryParse(action, out var parsed) || parsed.Input == ActionInput.Certificate)
        {
            return BadRequest();
        }

        if (parsed.Texts.Confirmation is not null && confirmed != Name)
        {
            // Destructive actions go through the confirmation that names the instance.
            return Redirect($"/instances/{Uri.EscapeDataString(Name)}?confirm={parsed.Slug}");
        }

        RedeployRelease = string.IsNullOrWhiteSpace(release) ? null : release.Trim();
        var body = parsed.Input == ActionInput.Release ? new InstanceActionRequest(Release: RedeployRelease) : null;
        return await ActAsync(parsed, body, cancellationToken);
    }

    public async Task<IActionResult> OnPostRotateAsync(string? action, CancellationToken cancellationToken)
    {
        if (action is null || !InstanceActions.TryParse(action, out var parsed) || parsed.Input != ActionInput.Certificate)
        {
            return BadRequest();
        }

        await Rotate.ReadUploadsAsync(nameof(Rotate), ModelState, cancellationToken);
        if (ModelState.IsValid)
        {
            var body = new InstanceActionRequest(CertificatePem: Rotate.CertificatePem, KeyPem: Rotate.KeyPem, ChainPem: Rotate.ChainPem);
            return await ActAsync(parsed, body, cancellationToken);
        }

        RotateOpen = true;
        return await LoadAsync(cancellationToken) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostCancelAsync(long jobId, CancellationToken cancellationToken)
    {
        try
        {
            await jobs.CancelAsync(jobId, cancellationToken);
            return Redirect($"/instances/{Uri.EscapeDataString(Name)}");
        }
        catch (Exception e) when (e is DomainException or ConflictException or NotFoundException)
        {
            ActionError = e.Message;
            return await LoadAsync(cancellationToken) ? Page() : NotFound();
        }
    }

    public string StreamPath(JobResponse job) => JobStream.Path(Instance.Name, job.Id, 0);

    private async Task<IActionResult> ActAsync(InstanceAction action, InstanceActionRequest? body, CancellationToken cancellationToken)
    {
        try
        {
            await instances.ActAsync(Name, action, body, User.Identity?.Name, cancellationToken);
            return Redirect($"/instances/{Uri.EscapeDataString(Name)}");
        }
        catch (RequestValidationException e) when (action.Input == ActionInput.Certificate)
        {
            ModelState.AddFieldErrors(e.Errors, nameof(Rotate));
            RotateOpen = true;
        }
        catch (RequestValidationException e) when (action.Input == ActionInput.Release)
        {
            // The release is the release form's only field: its message goes next to it.
            foreach (var message in e.Errors.ToDictionary().SelectMany(f => f.Value))
            {
                ModelState.AddModelError(RedeployField, message);
            }
        }
        catch (Exception e) when (e is DomainException or ConflictException or RequestValidationException)
        {
            ActionError = e is RequestValidationException v ? v.Errors.ToString() : e.Message;
        }

        return await LoadAsync(cancellationToken) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        Now = time.GetUtcNow();
        try
        {
            Instance = await instances.GetAsync(Name, cancellationToken);
            History = await instances.JobsAsync(Name, cancellationToken);
        }
        catch (NotFoundException)
        {
            return false;
        }

        var detailed = new Dictionary<long, JobResponse>();
        foreach (var job in History.Take(Timelines))
        {
            detailed[job.Id] = await jobs.GetAsync(job.Id, cancellationToken);
        }

        Steps = detailed;
        LatestJob = History.Count > 0 ? detailed[History[0].Id] : null;
        Releases = Allowed.Any(a => a.Input == ActionInput.Release) ? await releases.OnWorkerAsync(Instance.Worker, cancellationToken) : [];
        return true;
    }
}
