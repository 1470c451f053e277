using System.Text.RegularExpressions;
using CentralDispatch.Core.Domain;
using CentralDispatch.Core.Domain.Actions;

namespace CentralDispatch.Core.Tests.Domain;

/// <summary>The catalogue of lifecycle actions: every job kind defined once, every slug found, the names the API and CLI use.</summary>
public sealed partial class InstanceActionsTests
{
    [Fact]
    public void EveryJobKind_IsDefinedByExactlyOneActionTest()
    {
        foreach (var kind in Enum.GetValues<JobKind>())
        {
            var defining = InstanceActions.All.Where(a => a.Kind == kind && !a.IsVariant).ToList();
            Assert.True(defining.Count == 1, $"{kind} jobs are defined by {defining.Count} actions.");
            Assert.Same(defining[0], InstanceActions.ForKind(kind));
        }
    }

    [Fact]
    public void Slugs_AreUniqueAndFitAUrlAndACommandLineTest()
    {
        var slugs = InstanceActions.All.Select(a => a.Slug).ToList();

        Assert.Equal(slugs.Count, slugs.Distinct(StringComparer.Ordinal).Count());
        Assert.All(slugs, s => Assert.Matches(SlugPattern(), s));
        Assert.DoesNotContain("restore", slugs); // POST /instances/{name}/restore is its own route
    }

    [Fact]
    public void TryParse_FindsEveryActionBySlugTest()
    {
        foreach (var action in InstanceActions.All)
        {
            Assert.True(InstanceActions.TryParse(action.Slug, out var parsed));
            Assert.Same(action, parsed);
        }
    }

    [Theory]
    [InlineData("backout", typeof(BackOutAction))]
    [InlineData("rotate-certificate", typeof(RotateCertificateAction))]
    [InlineData("retry", typeof(RetryAction))]
    public void TryParse_TheNamesOfTheApiTest(string slug, Type type)
    {
        Assert.True(InstanceActions.TryParse(slug, out var action));
        Assert.IsType(type, action);
    }

    [Theory]
    [InlineData("Deploy")]
    [InlineData("back-out")]
    [InlineData("")]
    [InlineData("deploy ")]
    public void TryParse_RefusesUnknownSlugTest(string slug)
    {
        Assert.False(InstanceActions.TryParse(slug, out _));
    }

    [Fact]
    public void Variants_AreAllowedOnlyWhereTheActionOfTheirJobIsTest()
    {
        foreach (var variant in InstanceActions.All.Where(a => a.IsVariant))
        {
            Assert.All(variant.AllowedFrom, s => Assert.Contains(s, InstanceActions.ForKind(variant.Kind).AllowedFrom));
        }
    }

    [Fact]
    public void Actions_OfferOnlyWhatTheyAllowTest()
    {
        Assert.All(InstanceActions.All, a => Assert.All(a.OfferedFrom, s => Assert.Contains(s, a.AllowedFrom)));
    }

    [Fact]
    public void JobKindNames_FitTheStoreColumnTest()
    {
        // jobs.kind is a string column of 24 characters (Store/Configurations/JobConfiguration.cs).
        Assert.All(Enum.GetNames<JobKind>(), n => Assert.InRange(n.Length, 1, 24));
    }

    [Fact]
    public void Texts_NameEveryButtonAndHelpLineTest()
    {
        Assert.All(InstanceActions.All, a =>
        {
            Assert.False(string.IsNullOrWhiteSpace(a.Texts.Button), a.Slug);
            Assert.EndsWith(".", a.Texts.Help, StringComparison.Ordinal);
            if (a.Texts.Confirmation is { } confirmation)
            {
                Assert.Contains("shop", confirmation.Button("shop"), StringComparison.Ordinal);
                Assert.Contains("shop", confirmation.Text("shop", "web1"), StringComparison.Ordinal);
            }
        });
    }

    [Fact]
    public void Slugs_ReadAsASentence_InTheCataloguesOrderTest()
    {
        var words = InstanceActions.Slugs.Split(", ");
        var last = words[^1].Split(" or ");

        Assert.Equal(InstanceActions.All.Select(a => a.Slug), [.. words[..^1], .. last]);
        Assert.Equal(2, last.Length);
    }

    [Fact]
    public void All_IsInTheOrderOfJobKinds_AVariantAfterTheActionOfItsJobTest()
    {
        var all = InstanceActions.All.ToList();

        Assert.All(all.Where(a => a.IsVariant), v => Assert.True(all.IndexOf(v) > all.IndexOf(InstanceActions.ForKind(v.Kind)), v.Slug));
        Assert.Equal(all.Select(a => a.Kind).Order(), all.Select(a => a.Kind));
    }

    [GeneratedRegex("^[a-z][a-z-]*[a-z]$")]
    private static partial Regex SlugPattern();
}
