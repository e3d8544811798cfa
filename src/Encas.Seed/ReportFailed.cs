namespace Encas.Seed;

/// <summary>An experiment's report could not be written.</summary>
/// <param name="ExperimentId">The experiment.</param>
/// <param name="Reason">One line.</param>
internal sealed record ReportFailed(string ExperimentId, string Reason);
