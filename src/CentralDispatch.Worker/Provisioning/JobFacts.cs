using CentralDispatch.Core.Contracts.Agent;
using CentralDispatch.Worker.Provisioning;

namespace CentralDispatch.Worker.Provisioning;

/// <summary>
/// How a plan reports what exists after its job (the instance's URL, an archive path, the release now live): a step
/// writes it into the job's notes, which are journaled, so the result survives a crash and is sent again by a
/// resumed attempt or the start-up recovery. The agent sends facts only with a Succeeded outcome.
/// </summary>
public static class JobFacts
{
    public const string UrlNote = "fact.url";
    public const string ArchivePathNote = "fact.archivePath";
    public const string ReleaseNote = "fact.release";

    public static Task ReportUrlAsync(this StepContext context, Uri url)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(url);
        return context.Notes.SetAsync(UrlNote, url.AbsoluteUri);
    }

    public static Task ReportArchivePathAsync(this StepContext context, string path)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Notes.SetAsync(ArchivePathNote, path);
    }

    public static Task ReportReleaseAsync(this StepContext context, string release)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Notes.SetAsync(ReleaseNote, release);
    }

    /// <summary>The facts in a journal's notes, or null when the plan reported none.</summary>
    public static JobFactsReport? FromNotes(IReadOnlyDictionary<string, string> notes)
    {
        ArgumentNullException.ThrowIfNull(notes);
        var url = notes.GetValueOrDefault(UrlNote);
        var archive = notes.GetValueOrDefault(ArchivePathNote);
        var release = notes.GetValueOrDefault(ReleaseNote);
        return url is null && archive is null && release is null ? null : new JobFactsReport(url, archive, release);
    }
}
