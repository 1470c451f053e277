using CentralDispatch.Cli.Client;
using CentralDispatch.Core.Contracts.Agent;
using CentralDispatch.Worker.Configuration;

namespace CentralDispatch.Cli.Commands.Workers.Checks;

/// <summary>The dispatcher answers and accepts the worker's token: the same hello `worker run` starts with.</summary>
public static class DispatcherCheck
{
    private const string Item = "dispatcher";

    public static async Task<CheckResult> RunAsync(WorkerOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        Uri url;
        try
        {
            url = CredentialResolver.ParseUrl(options.Dispatcher.Url);
        }
        catch (CliException e)
        {
            return CheckResult.Fail(Item, e.Message);
        }

        using var api = new DispatchApiClient(new ApiCredentials(url, options.Dispatcher.Token, "worker config"));
        try
        {
            var version = typeof(DispatcherCheck).Assembly.GetName().Version?.ToString(3);
            var hello = await api.PostAsync<HelloResponse>("api/v1/agent/hello", new HelloRequest(version, Environment.MachineName, options.Concurrency), cancellationToken);
            return CheckResult.Pass(Item, $"{url} reachable; token accepted for worker {hello.Value.WorkerName}");
        }
        catch (ApiRefusedException e) when (e.Status == System.Net.HttpStatusCode.Unauthorized)
        {
            return CheckResult.Fail(Item, $"{url} refused the worker token (401); issue a new one with `dispatch worker rotate-token NAME` and put it in Worker:Dispatcher:Token");
        }
        catch (CliException e)
        {
            return CheckResult.Fail(Item, e.Message);
        }
    }
}
