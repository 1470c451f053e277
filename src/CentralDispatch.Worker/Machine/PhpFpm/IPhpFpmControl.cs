using CentralDispatch.Worker.Machine.Reloads;

namespace CentralDispatch.Worker.Machine.PhpFpm;

/// <summary>Tests and gracefully reloads the PHP-FPM master's configuration (its pools); the system's php-fpm service or the sandbox's private master.</summary>
public interface IPhpFpmControl : IReloadableServer;
