namespace CentralDispatch.Cli.Tests.Infrastructure;

/// <summary>What a finished `dispatch` process left: exit code and its two output streams.</summary>
public sealed record CliResult(int ExitCode, string Stdout, string Stderr);
