using CentralDispatch.Worker.Machine.Processes;
using CentralDispatch.Worker.Machine.Reloads;

namespace CentralDispatch.Worker.Machine.Apache;

/// <summary>Config test and reload of Apache through configured commands, e.g. <c>apache2ctl configtest</c> / <c>apache2ctl graceful</c>.</summary>
/// <remarks>With a <paramref name="restartWatcher"/>, a reload returns only once Apache has finished re-reading its configuration.</remarks>
public sealed class CommandWebServerControl(IReadOnlyList<string> configTestCommand, IReadOnlyList<string> reloadCommand, TimeSpan timeout, IProcessRunner runner,
    GracefulRestartWatcher? restartWatcher = null)
    : CommandServerControl("web server", "the running sites", configTestCommand, reloadCommand, timeout, runner, restartWatcher), IWebServerControl;
