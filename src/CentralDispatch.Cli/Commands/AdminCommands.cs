using System.CommandLine;
using CentralDispatch.Dispatcher.Security;
using CentralDispatch.Dispatcher.Store;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CentralDispatch.Cli.Commands;

/// <summary>`dispatch admin create|token`: administrators and their API tokens, straight on the store.</summary>
public static class AdminCommands
{
    public static Command Build()
    {
        var admin = new Command("admin", "Manage administrators and their API tokens (on this machine's store).");
        admin.Subcommands.Add(Create());
        admin.Subcommands.Add(Token());
        return admin;
    }

    private static Command Create()
    {
        var data = CommonOptions.Data();
        var database = CommonOptions.Database();
        var email = new Option<string>("--email") { Description = "The administrator's e-mail address (the sign-in name).", Required = true };
        var passwordStdin = new Option<bool>("--password-stdin") { Description = "Read the password from standard input instead of generating one." };
        var command = new Command("create", "Create an administrator; prints a generated password once unless --password-stdin is given.")
        {
            data, database, email, passwordStdin,
        };
        command.SetAction((result, cancellationToken) => CliErrors.Guard(async () =>
        {
            var generated = !result.GetValue(passwordStdin);
            var password = generated ? AdminAccounts.GeneratePassword() : (await Console.In.ReadToEndAsync(cancellationToken)).TrimEnd('\r', '\n');
            await using var services = await OpenStoreAsync(result.GetValue(data)!, result.GetValue(database), cancellationToken);
            await using var scope = services.CreateAsyncScope();
            var created = await scope.ServiceProvider.GetRequiredService<AdminAccounts>().CreateAsync(result.GetValue(email)!, password, cancellationToken);
            await Console.Out.WriteLineAsync($"Created administrator {created.Email}.");
            if (generated)
            {
                await Console.Out.WriteLineAsync($"Password: {password}");
                await Console.Out.WriteLineAsync("It is shown only now; keep it somewhere safe.");
            }

            return 0;
        }));
        return command;
    }

    private static Command Token()
    {
        var data = CommonOptions.Data();
        var database = CommonOptions.Database();
        var email = new Option<string>("--email") { Description = "The administrator the token belongs to.", Required = true };
        var name = new Option<string>("--name") { Description = "A label for the token.", DefaultValueFactory = _ => "cli" };
        var command = new Command("token", "Issue an API token for an administrator; prints only the token.") { data, database, email, name };
        command.SetAction((result, cancellationToken) => CliErrors.Guard(async () =>
        {
            await using var services = await OpenStoreAsync(result.GetValue(data)!, result.GetValue(database), cancellationToken);
            await using var scope = services.CreateAsyncScope();
            var label = result.GetValue(name)!;
            if (label.Length is 0 or > 64)
            {
                throw new CliException("--name must have 1 to 64 characters.");
            }

            var token = await scope.ServiceProvider.GetRequiredService<AdminAccounts>().IssueTokenAsync(result.GetValue(email)!, label, cancellationToken);
            await Console.Out.WriteLineAsync(token);
            return 0;
        }));
        return command;
    }

    private static async Task<ServiceProvider> OpenStoreAsync(string dataDirectory, string? database, CancellationToken cancellationToken)
    {
        var services = new ServiceCollection()
            .AddLogging(l => l.SetMinimumLevel(LogLevel.Warning))
            .AddSingleton(TimeProvider.System)
            .AddScoped<AdminAccounts>()
            .AddDispatchStore(new StoreOptions { DataDirectory = Path.GetFullPath(dataDirectory), Database = database })
            .BuildServiceProvider();
        await StoreInitializer.MigrateAsync(services, cancellationToken);
        return services;
    }
}
