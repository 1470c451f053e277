using CentralDispatch.Worker.Provisioning;
using CentralDispatch.Worker.Provisioning.Journal;
using Microsoft.Extensions.Logging.Abstractions;

namespace CentralDispatch.Worker.Tests.Provisioning;

public sealed class StepContextTests : IDisposable
{
    private static readonly ResourceId Folder = ResourceId.Parse("dir:/var/www/shop");
    private readonly EngineHarness _h = new();

    public void Dispose() => _h.Dispose();

    private StepContext Context(JobJournal journal, string step = "Webroot") =>
        new(_h.Job, step, journal, NullLogger.Instance, _h.Time, CancellationToken.None, isRollback: false);

    private Task<ResourceAcquisition> CreateOrAdopt(StepContext context) =>
        context.CreateOrAdoptAsync(Folder, _ => Task.FromResult(_h.Host.Exists(Folder)), _ =>
        {
            _h.Host.Create(Folder);
            return Task.CompletedTask;
        });

    [Fact]
    public async Task CreateOrAdopt_JournalsIntentThenCreated_AroundTheCreationTest()
    {
        await using var journal = await _h.Journals.OpenAsync(_h.Job, default);
        var context = Context(journal);

        Assert.Equal(ResourceAcquisition.Created, await CreateOrAdopt(context));

        var types = CrashedJournal.Lines(_h.JournalPath).Select(l => CrashedJournal.Parse(l).Type);
        Assert.Equal([JournalRecordType.JobStarted, JournalRecordType.Intent, JournalRecordType.Created], types);
        Assert.True(context.WasCreatedByThisJob(Folder));
        Assert.Equal([Folder], context.CreatedResources());
    }

    [Fact]
    public async Task CreateOrAdopt_AdoptsWithoutCreatingAgain_WhenOnlyTheIntentWasJournaledBeforeACrashTest()
    {
        await using var journal = await _h.Journals.OpenAsync(_h.Job, default);
        var context = Context(journal);
        await context.RecordIntentAsync(Folder);
        _h.Host.Seed(Folder);

        Assert.Equal(ResourceAcquisition.Adopted, await CreateOrAdopt(context));
        Assert.Equal(ResourceClaim.Created, context.ClaimOf(Folder));
        Assert.Equal(0, _h.Host.CreationsOf(Folder));
    }

    [Fact]
    public async Task CreateOrAdopt_RefusesAndJournalsNothing_WhenTheResourceExistsAndIsNotThisJobsTest()
    {
        await using var journal = await _h.Journals.OpenAsync(_h.Job, default);
        var context = Context(journal);
        _h.Host.Seed(Folder);

        var error = await Assert.ThrowsAsync<ResourceNotOwnedException>(() => CreateOrAdopt(context));

        Assert.Equal(Folder, error.Resource);
        Assert.Equal(ResourceClaim.None, context.ClaimOf(Folder));
        Assert.Single(CrashedJournal.Lines(_h.JournalPath));
    }

    [Fact]
    public async Task RecordIntent_RefusesAResourceAnotherStepOfTheJobClaimedTest()
    {
        await using var journal = await _h.Journals.OpenAsync(_h.Job, default);
        await Context(journal, "Webroot").RecordIntentAsync(Folder);

        await Assert.ThrowsAsync<InvalidOperationException>(() => Context(journal, "Certificates").RecordIntentAsync(Folder));
    }

    [Theory]
    [InlineData("db.password")]
    [InlineData("ClientSecret")]
    [InlineData("tls.private-key")]
    public async Task Notes_RefuseAKeyThatLooksLikeASecret_BecauseTheJournalIsNotASecretsStoreTest(string key)
    {
        await using var journal = await _h.Journals.OpenAsync(_h.Job, default);

        await Assert.ThrowsAsync<ArgumentException>(() => Context(journal).Notes.SetAsync(key, "x"));
        Assert.Empty(journal.State.Notes);
    }

    [Theory]
    [InlineData("database:cd_shop", "database", "cd_shop")]
    [InlineData("file:/etc/a:b.conf", "file", "/etc/a:b.conf")]
    [InlineData("cron:centraldispatch:shop", "cron", "centraldispatch:shop")]
    public void ResourceId_ParsesKindUpToTheFirstColon_AndPrintsBackTheSameTextTest(string text, string kind, string identifier)
    {
        var resource = ResourceId.Parse(text);

        Assert.Equal((kind, identifier), (resource.Kind, resource.Identifier));
        Assert.Equal(text, resource.ToString());
    }

    [Theory]
    [InlineData("nokind")]
    [InlineData(":x")]
    [InlineData("Database:x")]
    [InlineData("file:")]
    [InlineData("file:/a\nb")]
    public void ResourceId_RefusesTextThatCannotBeAJournalResourceTest(string text)
    {
        Assert.ThrowsAny<Exception>(() => ResourceId.Parse(text));
    }
}
