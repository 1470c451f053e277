using CentralDispatch.Worker.Machine.Archives;
using CentralDispatch.Worker.Machine.Files;
using CentralDispatch.Worker.Tests.Support;

namespace CentralDispatch.Worker.Tests.Machine.Files;

/// <summary>
/// The worker's tree operations while a hostile tenant keeps swapping folders and files of the tree for links to a
/// canary folder outside it, for FIFOs and for links to /dev/zero. Each race runs <see cref="Rounds"/> times with a new
/// tree and a different attack order. The canary must stay untouched and unread; every operation must end.
/// </summary>
public sealed class TreeRaceTests
{
    private const int Rounds = 15;

    [Fact]
    public void Removal_UnderAttack_RemovesTheTree_AndNeverTouchesTheCanary()
    {
        var swaps = 0;
        for (var round = 0; round < Rounds; round++)
        {
            using var folder = new TestFolder();
            using var canary = new Canary();
            var tree = folder.Combine("tree");
            TenantTrees.Fill(tree);
            using (var tenant = TenantTrees.Attacking(tree, canary, round))
            {
                TreeRemoval.Remove(tree);
                tenant.Stop();
                swaps += tenant.Swaps;
            }

            // What the tenant made after the removal ended (it kept going until stopped) is its own; remove it too.
            TreeRemoval.Remove(tree);
            Assert.False(Path.Exists(tree) || new FileInfo(tree).LinkTarget is not null);
            canary.AssertUntouched();
        }

        Assert.True(swaps > Rounds, $"the tenant swapped only {swaps} times: the race did not happen");
    }

    [Fact]
    public async Task Archive_UnderAttack_HoldsNothingOfTheCanary_Verifies_AndRestoresWithoutIt()
    {
        var skipped = 0;
        for (var round = 0; round < Rounds; round++)
        {
            using var folder = new TestFolder();
            using var canary = new Canary();
            var tree = folder.Combine("tree");
            TenantTrees.Fill(tree);
            var archive = folder.Combine("a.tar.gz");
            ArchiveManifest manifest;
            using (TenantTrees.Attacking(tree, canary, round))
            {
                manifest = await new ArchiveWriter().WriteAsync(archive, tree, null, Header(), CancellationToken.None);
            }

            skipped += manifest.Skipped!.Count;
            await new ArchiveReader().VerifyAsync(archive, CancellationToken.None);
            await TenantTrees.AssertArchiveHoldsNoCanaryAsync(archive, canary);
            var restored = folder.Combine("restored");
            await new ArchiveReader().ExtractWebrootAsync(archive, restored, CancellationToken.None);
            TenantTrees.AssertTreeHoldsNoCanary(restored, canary);
            canary.AssertUntouched();
        }

        Assert.True(skipped > 0, "no round had anything to skip: the tenant never got a link or FIFO into the archive's way");
    }

    [Fact]
    public async Task Copy_OfASourceUnderAttack_CopiesNothingOfTheCanary_OrIsRefused_LeavingNothing()
    {
        var refused = 0;
        for (var round = 0; round < Rounds; round++)
        {
            using var folder = new TestFolder();
            using var canary = new Canary();
            var source = folder.Combine("release");
            TenantTrees.Fill(source);
            var target = folder.Combine("copy");
            using (TenantTrees.Attacking(source, canary, round))
            {
                try
                {
                    await new TreeCopier().CopyAsync(source, target, CancellationToken.None);
                }
                catch (TreeCopyRefusedException)
                {
                    refused++;
                    Assert.False(Path.Exists(target), "a refused copy leaves nothing");
                }
            }

            if (Directory.Exists(target))
            {
                TenantTrees.AssertTreeHoldsNoCanary(target, canary);
            }

            canary.AssertUntouched();
        }

        Assert.True(refused > 0, "no copy met a link, FIFO or swap: the race did not happen");
    }

    [Fact]
    public async Task ChangeOwner_UnderAttack_GivesAwayNothingOutsideTheTree()
    {
        Assert.True(Environment.IsPrivilegedProcess, "This test runs as root, as the worker does on a Debian host.");
        for (var round = 0; round < Rounds; round++)
        {
            using var folder = new TestFolder();
            using var canary = new Canary();
            var tree = folder.Combine("tree");
            TenantTrees.Fill(tree);
            using (TenantTrees.Attacking(tree, canary, round))
            {
                await new TreeOwnership().ChangeOwnerAsync(tree, "www-data", "www-data", CancellationToken.None);
            }

            canary.AssertUntouched();
        }
    }

    private static ArchiveManifest Header() =>
        new(ArchiveManifest.CurrentFormat, "race", "race.example.test", [], "default", "ops@example.com", null, DateTimeOffset.UnixEpoch, 1, [], [], []);
}
