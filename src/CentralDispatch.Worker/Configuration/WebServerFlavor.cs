namespace CentralDispatch.Worker.Configuration;

/// <summary>How virtual hosts are laid out: Debian's sites-available/sites-enabled, or RHEL's single conf.d folder.</summary>
public enum WebServerFlavor
{
    Debian,
    Rhel,
}
