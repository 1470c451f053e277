using CentralDispatch.Worker.Machine.Reloads;

namespace CentralDispatch.Worker.Machine.Apache;

/// <summary>Tests and reloads the web server's configuration; the same for the system Apache and the sandbox's private one.</summary>
public interface IWebServerControl : IReloadableServer;
