namespace Encas.Seed;

/// <summary>Where an experiment stands in the coordinator's state.</summary>
public enum ExperimentPhase
{
    /// <summary>Some run is not complete yet.</summary>
    Running,

    /// <summary>Every run is complete; the report is not published yet.</summary>
    Reporting,

    /// <summary>The report is published.</summary>
    Completed,

    /// <summary>The experiment failed for good.</summary>
    Failed,

    /// <summary>An operator cancelled it.</summary>
    Cancelled,
}
