namespace CentralDispatch.Worker.Machine.PhpFpm;

/// <summary>The PHP-FPM master's <see cref="Reloads.ReloadCoordinator"/> is a keyed service: take it with <c>[FromKeyedServices(PhpFpmReloads.Key)] ReloadCoordinator</c>.</summary>
public static class PhpFpmReloads
{
    public const string Key = "php-fpm";

    public const string ServerName = "PHP-FPM master";

    public const string Untouched = "the running pools";
}
