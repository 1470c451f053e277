namespace CentralDispatch.Worker.Machine.Certificates;

/// <summary>One file of an instance's certificate set: where, what, and its mode (0600 for the key).</summary>
public sealed record CertificateFile(string Path, string Content, UnixFileMode Mode)
{
    // The key's content must never reach a log line through a record's generated ToString.
    public override string ToString() => $"CertificateFile {{ Path = {Path}, Mode = {Mode} }}";
}
