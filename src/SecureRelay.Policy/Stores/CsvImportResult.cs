namespace SecureRelay.Policy.Stores;

/// <summary>The outcome of a CSV import: rows added, rows skipped as duplicates, and errors by line.</summary>
/// <param name="Added">Rows stored.</param>
/// <param name="Skipped">Rows already present.</param>
/// <param name="Errors">Problems as <c>line N: reason</c>; rows with errors are not stored.</param>
public sealed record CsvImportResult(int Added, int Skipped, IReadOnlyList<string> Errors);
