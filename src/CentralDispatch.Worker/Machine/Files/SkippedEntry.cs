namespace CentralDispatch.Worker.Machine.Files;

/// <summary>An entry of a tree that a copy or archive did not take, and why.</summary>
public sealed record SkippedEntry(string Path, string Reason)
{
    public override string ToString() => $"{Path} ({Reason})";
}
