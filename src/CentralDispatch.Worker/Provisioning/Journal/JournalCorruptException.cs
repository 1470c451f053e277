namespace CentralDispatch.Worker.Provisioning.Journal;

/// <summary>A journal line other than the last cannot be read: not a torn write but damage, so nothing is guessed.</summary>
public sealed class JournalCorruptException(string path, int lineNumber, Exception innerException)
    : Exception($"Journal {path} is damaged at line {lineNumber}: {innerException.Message} Move the file aside after checking what the job created.", innerException)
{
    public string Path { get; } = path;
    public int LineNumber { get; } = lineNumber;
}
