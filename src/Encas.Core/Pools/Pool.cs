namespace Encas.Core.Pools;

/// <summary>
/// An open pool: its manifest and both splits, memory-mapped and validated. Open it with
/// <see cref="Open"/>; dispose it to unmap the files.
/// </summary>
public sealed class Pool : IDisposable
{
    private readonly List<MappedHalfMatrix> _mapped;

    private Pool(string directory, PoolManifest manifest, PoolSplit val, PoolSplit test, List<MappedHalfMatrix> mapped)
    {
        Directory = directory;
        Manifest = manifest;
        Val = val;
        Test = test;
        _mapped = mapped;
    }

    /// <summary>The pool folder.</summary>
    public string Directory { get; }

    /// <summary>The manifest.</summary>
    public PoolManifest Manifest { get; }

    /// <summary>The validation (search) split.</summary>
    public PoolSplit Val { get; }

    /// <summary>The test split.</summary>
    public PoolSplit Test { get; }

    /// <summary>Number of pool models (genome model genes range over 0 … this).</summary>
    public int Models => Manifest.Models.Count;

    /// <summary>The split of the given name.</summary>
    public PoolSplit Split(string name) => name == PoolSplits.Val ? Val : name == PoolSplits.Test ? Test
        : throw new ArgumentException($"unknown split '{name}' (expected val or test)", nameof(name));

    /// <summary>
    /// Opens and validates a pool: manifest, file sizes and headers, checksums (unless
    /// <paramref name="verifyChecksums"/> is false), label range and the probabilities themselves (unless
    /// <paramref name="validateOutputs"/> is false: a pass over every value, minutes on an ImageNet-scale pool).
    /// An output file this process has already checked the same way, unchanged since (length and write time), is
    /// not read again.
    /// </summary>
    public static Pool Open(string directory, bool verifyChecksums = true,
        double sumTolerance = OutputValidator.DefaultSumTolerance, bool validateOutputs = true)
    {
        string manifestPath = Path.Combine(directory, PoolManifest.FileName);
        if (!File.Exists(manifestPath))
        {
            throw new FileNotFoundException(
                $"{manifestPath}: missing; is {directory} a pool? (create one with encas pool import)", manifestPath);
        }

        var manifest = PoolManifest.Parse(File.ReadAllText(manifestPath), manifestPath);
        var mapped = new List<MappedHalfMatrix>();
        try
        {
            var splits = PoolSplits.All.Select(s => OpenSplit(directory, manifest, s, verifyChecksums,
                validateOutputs ? sumTolerance : double.NaN, mapped)).ToArray();
            return new Pool(directory, manifest, splits[0], splits[1], mapped);
        }
        catch
        {
            mapped.ForEach(m => m.Dispose());
            throw;
        }
    }

    private static PoolSplit OpenSplit(string directory, PoolManifest manifest, string split, bool verify,
        double tolerance, List<MappedHalfMatrix> mapped)
    {
        if (!manifest.Splits.TryGetValue(split, out var entry))
        {
            throw new InvalidDataException($"{Path.Combine(directory, PoolManifest.FileName)}: no '{split}' split");
        }

        var labels = PoolLabelsFile.Read(directory, entry, verify);
        OutputValidator.ValidateLabels(labels, manifest.Classes, Path.Combine(directory, entry.Labels.Path));
        var outputs = new List<MappedHalfMatrix>(manifest.Models.Count);
        var mflops = new double[manifest.Models.Count];
        for (int m = 0; m < manifest.Models.Count; m++)
        {
            var model = manifest.Models[m];
            if (!model.Outputs.TryGetValue(split, out var file) || !model.Mflops.TryGetValue(split, out mflops[m]))
            {
                throw new InvalidDataException(
                    $"{Path.Combine(directory, PoolManifest.FileName)}: model {m} '{model.Name}' has no {split} entry");
            }

            string path = Path.Combine(directory, file.Path);
            if (!File.Exists(path))
            {
                throw new FileNotFoundException($"{path} (model {m} '{model.Name}'): missing", path);
            }

            var matrix = new MappedHalfMatrix(path, entry.Samples, manifest.Classes);
            mapped.Add(matrix);
            string where = $"{path} (model {m} '{model.Name}')";
            if ((verify || !double.IsNaN(tolerance))
                && !CheckedFiles.Passed(path, verify ? file.Sha256 : "", tolerance))
            {
                if (verify && PoolBinaryFile.Sha256(matrix.FileBytes) != file.Sha256)
                {
                    throw new InvalidDataException(
                        $"{where}: checksum mismatch; the file changed since it was written");
                }

                // A NaN tolerance means the caller trusts the outputs (validateOutputs: false).
                if (!double.IsNaN(tolerance))
                {
                    OutputValidator.Validate(matrix.Values, manifest.Classes, where, tolerance);
                }

                CheckedFiles.Remember(path, verify ? file.Sha256 : "", tolerance);
            }

            outputs.Add(matrix);
        }

        return new PoolSplit(split, manifest.Classes, labels, outputs, mflops);
    }

    /// <inheritdoc />
    public void Dispose() => _mapped.ForEach(m => m.Dispose());
}
