namespace CentralDispatch.Worker.Tests.Support;

/// <summary>What <see cref="SampleSchema.UseAsync"/> read: the view's names, the trigger's audit lines, the function's and the admin view's counts, each object's definer.</summary>
public sealed record SampleSchemaState(
    IReadOnlyList<string> Names,
    IReadOnlyList<string> Audit,
    int Count,
    int AdminViewCount,
    IReadOnlyList<string> Definers)
{
    /// <summary>Ada and Grace as archived, Linus added after the restore: every object works, and each one is the user's.</summary>
    public void AssertRestoredFor(string user)
    {
        Assert.Equal(["Ada", "Grace", "Linus"], Names);
        Assert.Equal(["added Ada", "added Grace", "added Linus"], Audit);
        Assert.Equal(3, Count);
        Assert.Equal(3, AdminViewCount);
        Assert.Equal(SampleSchema.OwnedBy(user), Definers);
    }
}
