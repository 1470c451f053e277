using CentralDispatch.Bench;

return await BenchCli.RunAsync(args);
