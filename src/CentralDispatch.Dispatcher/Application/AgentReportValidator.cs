using System.Text.RegularExpressions;
using CentralDispatch.Core.Contracts.Agent;
using CentralDispatch.Core.Domain;
using CentralDispatch.Core.Validation;
using CentralDispatch.Dispatcher.Errors;

namespace CentralDispatch.Dispatcher.Application;

/// <summary>Checks what a worker reports (fence, step events, completion) before anything is stored.</summary>
public static partial class AgentReportValidator
{
    public const int MaxEventsPerBatch = 500;
    public const int MaxMessageLength = 8000;
    public const int MaxLeftovers = 200;

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9]{0,63}$", RegexOptions.CultureInvariant)]
    private static partial Regex StepName();

    public static void Fence(ILeasedRequest? request, FieldErrors errors)
    {
        if (request is null)
        {
            errors.Add("body", "A JSON object with attempt and leaseToken is required.");
            return;
        }

        if (request.Attempt < 1)
        {
            errors.Add("attempt", "Required: the attempt number the claim returned.");
        }

        if (request.LeaseToken == Guid.Empty)
        {
            errors.Add("leaseToken", "Required: the lease token the claim returned.");
        }
    }

    public static void Events(EventsRequest? request)
    {
        var errors = new FieldErrors();
        Fence(request, errors);
        var events = request?.Events;
        if (request is not null && (events is null || events.Count == 0 || events.Count > MaxEventsPerBatch))
        {
            errors.Add("events", $"Give 1 to {MaxEventsPerBatch} events.");
        }

        for (var i = 0; events is not null && i < events.Count && i < MaxEventsPerBatch; i++)
        {
            var e = events[i];
            if (e is null)
            {
                errors.Add($"events[{i}]", "Must be an object.");
                continue;
            }

            if (e.Step is null || !StepName().IsMatch(e.Step))
            {
                errors.Add($"events[{i}].step", "A step name of letters and digits, at most 64.");
            }

            if (!Enum.IsDefined(e.Phase))
            {
                errors.Add($"events[{i}].phase", "Unknown phase.");
            }

            if (e.DurationMs is < 0 or > 7 * 24 * 3600 * 1000d)
            {
                errors.Add($"events[{i}].durationMs", "Must be between 0 and a week.");
            }

            if (e.Message is { Length: > MaxMessageLength })
            {
                errors.Add($"events[{i}].message", $"At most {MaxMessageLength} characters.");
            }
        }

        Throw(errors);
    }

    public static void Complete(CompleteRequest? request)
    {
        var errors = new FieldErrors();
        Fence(request, errors);
        if (request is null)
        {
            Throw(errors);
            return;
        }

        if (!request.Outcome.IsReportableOutcome())
        {
            errors.Add("outcome", "Use Succeeded, Failed, RolledBack, NeedsAttention or Cancelled.");
        }

        if (request.Outcome != JobState.Succeeded && request.Error is null)
        {
            errors.Add("error", "Required when the job did not succeed: the failing step and message.");
        }

        if (request.Error is { } error)
        {
            if (error.Step is not null && !StepName().IsMatch(error.Step))
            {
                errors.Add("error.step", "A step name of letters and digits, at most 64.");
            }

            if (error.Message is { Length: > MaxMessageLength })
            {
                errors.Add("error.message", $"At most {MaxMessageLength} characters.");
            }

            if (error.Leftovers is { } leftovers && (leftovers.Count > MaxLeftovers || leftovers.Any(l => l is null || l.Length > 1000)))
            {
                errors.Add("error.leftovers", $"At most {MaxLeftovers} entries of at most 1000 characters.");
            }
        }

        if (request.Facts is { } facts)
        {
            if (facts.Url is not null && (facts.Url.Length > 2048 || !Uri.TryCreate(facts.Url, UriKind.Absolute, out var url)
                                          || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp)))
            {
                errors.Add("facts.url", "An absolute http(s) URL of at most 2048 characters.");
            }

            if (facts.ArchivePath is not null && (facts.ArchivePath.Length > 1024 || !facts.ArchivePath.StartsWith('/')))
            {
                errors.Add("facts.archivePath", "An absolute path of at most 1024 characters.");
            }

            if (facts.Release is not null)
            {
                errors.Check("facts.release", ReleaseNameRule.Check(facts.Release));
            }
        }

        Throw(errors);
    }

    public static void Heartbeat(HeartbeatRequest? request)
    {
        var errors = new FieldErrors();
        Fence(request, errors);
        Throw(errors);
    }

    private static void Throw(FieldErrors errors)
    {
        if (!errors.IsEmpty)
        {
            throw new RequestValidationException(errors);
        }
    }
}
