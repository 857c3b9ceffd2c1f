using BenchmarkDotNet.Running;

// dotnet run -c Release --project bench/SecureRelay.Benchmarks -- --filter '*'
// (add `--job short` for a quick look; results land in BenchmarkDotNet.Artifacts/).
BenchmarkSwitcher.FromAssembly(typeof(SecureRelay.Benchmarks.Payloads).Assembly).Run(args);
