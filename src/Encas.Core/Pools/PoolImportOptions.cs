namespace Encas.Core.Pools;

/// <summary>Options of <see cref="PoolImporter"/>.</summary>
/// <param name="Source">Folder in the ENCAS stored-output layout.</param>
/// <param name="Output">The pool folder to create.</param>
/// <param name="LabelsVal">Validation labels (.npy); null to look for them in the source.</param>
/// <param name="LabelsTest">Test labels (.npy); null to look for them in the source.</param>
/// <param name="Replace">Whether an existing output folder may be replaced.</param>
/// <param name="SumTolerance">Allowed |row sum − 1| of stored probabilities.</param>
public sealed record PoolImportOptions(
    string Source,
    string Output,
    string? LabelsVal = null,
    string? LabelsTest = null,
    bool Replace = false,
    double SumTolerance = OutputValidator.DefaultSumTolerance);
