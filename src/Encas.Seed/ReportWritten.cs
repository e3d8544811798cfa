namespace Encas.Seed;

/// <summary>An experiment's report folder was published.</summary>
/// <param name="ExperimentId">The experiment.</param>
/// <param name="ReportDir">The folder.</param>
internal sealed record ReportWritten(string ExperimentId, string ReportDir);
