namespace SecureRelay.Testing;

/// <summary>How a program run by <see cref="Tools.ExecuteAsync"/> ended: its exit code and what it wrote.</summary>
internal sealed record ToolResult(int ExitCode, string StdOut, string StdErr);
