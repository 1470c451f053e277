using CentralDispatch.Cli.Client;
using CentralDispatch.Cli.Output;

namespace CentralDispatch.Cli.Commands.Api;

/// <summary>What a command that talks to the dispatcher gets: the API client, the console, the clock and the Ctrl-C token.</summary>
public sealed record ApiSession(DispatchApiClient Api, CliConsole Console, TimeProvider Time, CancellationToken CancellationToken);
