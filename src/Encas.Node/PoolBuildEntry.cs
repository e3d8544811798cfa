namespace Encas.Node;

/// <summary>One pool build as a node keeps it on disk (<see cref="PoolBuildLedger"/>): what was asked, where the
/// driver staged it and how it stood when last written.</summary>
/// <param name="Request">The request as the management endpoint received it.</param>
/// <param name="StagingDir">The driver's staging folder: a node killed mid-build leaves it behind.</param>
/// <param name="Started">When the build (or its latest restart) began.</param>
/// <param name="Status">Its status: <c>running</c> until it ended, then the final one.</param>
public sealed record PoolBuildEntry(PoolBuildRequest Request, string StagingDir, DateTime Started,
    PoolBuildStatus Status);
