using System.Diagnostics;
using CentralDispatch.Bench.Harness;
using CentralDispatch.Testing.Processes;
using CentralDispatch.Worker.Machine.Files;

namespace CentralDispatch.Bench.Copy;

/// <summary>
/// The Webroot step's copy (<see cref="TreeCopier"/>) of a generated release tree against `cp -a` of the same tree to the
/// same file system, in alternating order, after one untimed copy of each (warm page cache for both). Each copy is
/// removed and the file system synced before the next one is timed, so no copy pays for another's write-back.
/// </summary>
public static class CopyBench
{
    private const int Seed = 5000;

    public static async Task<string> RunAsync(CopyBenchOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        using var folder = new BenchFolder("cd-copy");
        var source = folder.Combine("release");
        Console.Error.WriteLine($"copy: generating {options.Files} files in {source}");
        var tree = SampleTree.Create(source, options.Files, Seed);
        var copier = new TreeCopier();
        var copies = 0;

        async Task<CopyTiming> TreeCopierAsync()
        {
            var destination = folder.Combine($"copy-{copies++}");
            var (wall, cpu) = (Stopwatch.GetTimestamp(), CpuTime.OfThisProcess());
            var result = await copier.CopyAsync(source, destination, cancellationToken);
            var timing = new CopyTiming(Stopwatch.GetElapsedTime(wall).TotalMilliseconds, (CpuTime.OfThisProcess() - cpu).TotalMilliseconds);
            if (result.Files != tree.Files || result.SymbolicLinks != tree.Links)
            {
                throw new InvalidOperationException($"TreeCopier copied {result.Files} files and {result.SymbolicLinks} links, not {tree.Files} and {tree.Links}.");
            }

            await RemoveAsync(destination, cancellationToken);
            return timing;
        }

        async Task<CopyTiming> CpAsync()
        {
            var destination = folder.Combine($"copy-{copies++}");
            var (wall, cpu) = (Stopwatch.GetTimestamp(), CpuTime.OfFinishedChildren());
            (await CommandRunner.RunAsync("cp", ["-a", "--", source, destination], cancellationToken)).EnsureSuccess();
            var timing = new CopyTiming(Stopwatch.GetElapsedTime(wall).TotalMilliseconds, (CpuTime.OfFinishedChildren() - cpu).TotalMilliseconds);
            await RemoveAsync(destination, cancellationToken);
            return timing;
        }

        await TreeCopierAsync();
        await CpAsync();
        var copierTimes = new List<CopyTiming>();
        var cpTimes = new List<CopyTiming>();
        for (var i = 0; i < options.Repetitions; i++)
        {
            // Alternating who goes first spreads the machine's drift over both.
            if (i % 2 == 0)
            {
                copierTimes.Add(await TreeCopierAsync());
                cpTimes.Add(await CpAsync());
            }
            else
            {
                cpTimes.Add(await CpAsync());
                copierTimes.Add(await TreeCopierAsync());
            }

            Console.Error.WriteLine($"copy: {i + 1}/{options.Repetitions}: TreeCopier {copierTimes[^1].WallMs:F0} ms (cpu {copierTimes[^1].CpuMs:F0}), cp -a {cpTimes[^1].WallMs:F0} ms (cpu {cpTimes[^1].CpuMs:F0})");
        }

        return CopyReport.Format(options, tree, copierTimes, cpTimes);
    }

    private static async Task RemoveAsync(string destination, CancellationToken cancellationToken)
    {
        Directory.Delete(destination, recursive: true);
        (await CommandRunner.RunAsync("sync", ["-f", Path.GetDirectoryName(destination)!], cancellationToken)).EnsureSuccess();
    }
}
