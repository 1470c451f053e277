using CentralDispatch.Cli.Commands;

return await DispatchCli.RunAsync(args);
