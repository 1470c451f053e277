namespace CentralDispatch.Worker.Machine.Files;

/// <summary>What a tree copy created.</summary>
public sealed record TreeCopyResult(int Directories, int Files, int SymbolicLinks, long Bytes);
