namespace CentralDispatch.Worker.Machine.Files;

/// <summary>The source tree holds something that cannot be copied faithfully and safely; nothing was copied.</summary>
public sealed class TreeCopyRefusedException(string message) : IOException(message);
