using System.Runtime.CompilerServices;
namespace Encas.Gomea.Archive;

/// <summary>
/// The elitist archive shared by all populations: the non-dominated solutions found so far, in order.
/// </summary>
/// <remarks>
/// Port of the reference archive (Bosman's MAMaLGaM machinery as used by MO-GOMEA). Order matters for parity: new
/// members are appended and removals keep the order of the rest. Two solutions are "in the same box" when all their
/// objectives are equal, or, once <see cref="Discretised"/> is on, when <c>(int)(f_j / δ_j)</c> agree for every
/// objective. Not thread safe.
/// </remarks>
public sealed partial class ElitistArchive
{
    private readonly int _geneCount;
    private readonly int _objectiveCount;
    private readonly double[] _boxSize;
    private int[][] _genes = [];
    private double[][] _objectives = [];
    private double[] _constraints = [];
    private int[] _nearestDistance = [];
    private ulong[][] _packed = [];
    private readonly ulong[] _packedCandidate;
    private bool _packedUsable = true;
    private int _count;

    /// <summary>Creates an empty archive.</summary>
    /// <param name="geneCount">Genome length.</param>
    /// <param name="objectiveCount">Number of objectives.</param>
    public ElitistArchive(int geneCount, int objectiveCount)
    {
        _geneCount = geneCount;
        _objectiveCount = objectiveCount;
        _boxSize = new double[objectiveCount];
        _packedCandidate = new ulong[(geneCount + 63) >> 6];
        EnsureCapacity(10);
    }

    /// <summary>The number of members.</summary>
    public int Count => _count;

    /// <summary>Whether the objective space is currently discretised into boxes.</summary>
    public bool Discretised { get; private set; }

    /// <summary>The box size per objective; meaningful only while <see cref="Discretised"/> is on.</summary>
    public ReadOnlySpan<double> BoxSize => _boxSize;

    /// <summary>The genes of member <paramref name="index"/>.</summary>
    /// <param name="index">Member index, 0…Count−1.</param>
    /// <returns>A view of the stored genes.</returns>
    public ReadOnlySpan<int> Genes(int index) => _genes[index];

    /// <summary>The objective values of member <paramref name="index"/>.</summary>
    /// <param name="index">Member index.</param>
    /// <returns>A view of the stored objectives.</returns>
    public ReadOnlySpan<double> Objectives(int index) => _objectives[index];

    /// <summary>The constraint violation of member <paramref name="index"/>.</summary>
    /// <param name="index">Member index.</param>
    /// <returns>The violation (0 when feasible).</returns>
    public double Constraint(int index) => _constraints[index];

    internal int[] GenesArray(int index) => _genes[index];

    internal double[] ObjectivesArray(int index) => _objectives[index];

    /// <summary>Offers a solution with the plain rule (initialisation, rebuilding, migrants).</summary>
    /// <remarks>
    /// Rejected if a member constraint-dominates it, or if a member it does not dominate shares its box. Otherwise the
    /// members it dominates are removed and it is appended.
    /// </remarks>
    /// <param name="genes">The genome.</param>
    /// <param name="objectives">Its objectives.</param>
    /// <param name="constraint">Its constraint violation.</param>
    /// <returns>True if the solution was added.</returns>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool Offer(ReadOnlySpan<int> genes, ReadOnlySpan<double> objectives, double constraint)
    {
        for (int i = 0; i < _count; i++)
        {
            double[] member = _objectives[i];
            if (Dominance.ConstraintDominates(member, _constraints[i], objectives, constraint))
            {
                return false;
            }

            if (!Dominance.ConstraintDominates(objectives, constraint, member, _constraints[i])
                && SameBox(member, objectives))
            {
                return false;
            }
        }

        RemoveDominatedBy(objectives, constraint);
        Append(genes, objectives, constraint);
        return true;
    }

    /// <summary>Offers a solution with the replacement rule used after every mixing evaluation.</summary>
    /// <remarks>
    /// The scan stops at the first member that dominates the solution or that it does not dominate and that shares its
    /// box (a twin). With neither, dominated members are removed and the solution appended as a new point. With a
    /// twin, the twin's genes and values are replaced by the solution's only if the solution's Hamming distance to its
    /// nearest other member exceeds the twin's (both excluding the twin).
    /// </remarks>
    /// <param name="genes">The genome.</param>
    /// <param name="objectives">Its objectives.</param>
    /// <param name="constraint">Its constraint violation.</param>
    /// <returns>Whether it became a new non-dominated point and whether the archive dominates it.</returns>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public ArchiveOffer OfferWithReplacement(
        ReadOnlySpan<int> genes, ReadOnlySpan<double> objectives, double constraint)
    {
        int twin = -1;
        for (int i = 0; i < _count; i++)
        {
            double[] member = _objectives[i];
            if (Dominance.ConstraintDominates(member, _constraints[i], objectives, constraint))
            {
                return new ArchiveOffer(false, true);
            }

            if (!Dominance.ConstraintDominates(objectives, constraint, member, _constraints[i])
                && SameBox(member, objectives))
            {
                twin = i;
                break;
            }
        }

        if (twin < 0)
        {
            RemoveDominatedBy(objectives, constraint);
            Append(genes, objectives, constraint);
            return new ArchiveOffer(true, false);
        }

        if (IsMoreDiverseThanTwin(genes, twin))
        {
            genes.CopyTo(_genes[twin]);
            PackMember(twin);
            objectives.CopyTo(_objectives[twin]);
            _constraints[twin] = constraint;
            InvalidateDistances();
        }

        return new ArchiveOffer(false, false);
    }

    /// <summary>Whether two objective vectors share a box (exact equality while not discretised).</summary>
    /// <param name="a">First vector.</param>
    /// <param name="b">Second vector.</param>
    /// <returns>True if in the same box.</returns>
    public bool SameBox(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        if (!Discretised)
        {
            for (int j = 0; j < a.Length; j++)
            {
                if (a[j] != b[j])
                {
                    return false;
                }
            }

            return true;
        }

        for (int j = 0; j < a.Length; j++)
        {
            if (BoxIndex(a[j] / _boxSize[j]) != BoxIndex(b[j] / _boxSize[j]))
            {
                return false;
            }
        }

        return true;
    }

    // The reference truncates with a plain C cast; on x86-64 a NaN or out-of-range value becomes int.MinValue
    // (the "integer indefinite" value), which a zero box size (zero objective range) produces.
    private static int BoxIndex(double value) =>
        double.IsNaN(value) || value >= 2147483648.0 || value <= -2147483649.0 ? int.MinValue : (int)value;

    /// <summary>Removes every member; the discretisation state is kept.</summary>
    public void Clear()
    {
        InvalidateDistances();
        _count = 0;
    }

    private void RemoveDominatedBy(ReadOnlySpan<double> objectives, double constraint)
    {
        InvalidateDistances();
        int kept = 0;
        for (int i = 0; i < _count; i++)
        {
            if (Dominance.ConstraintDominates(objectives, constraint, _objectives[i], _constraints[i]))
            {
                continue;
            }

            if (kept != i)
            {
                (_genes[kept], _genes[i]) = (_genes[i], _genes[kept]);
                (_packed[kept], _packed[i]) = (_packed[i], _packed[kept]);
                (_objectives[kept], _objectives[i]) = (_objectives[i], _objectives[kept]);
                _constraints[kept] = _constraints[i];
            }

            kept++;
        }

        _count = kept;
    }

    private void Append(ReadOnlySpan<int> genes, ReadOnlySpan<double> objectives, double constraint)
    {
        EnsureCapacity(_count + 1);
        InvalidateDistances();
        genes.CopyTo(_genes[_count]);
        PackMember(_count);
        objectives.CopyTo(_objectives[_count]);
        _constraints[_count] = constraint;
        _count++;
    }

    private void EnsureCapacity(int needed)
    {
        if (needed <= _genes.Length)
        {
            return;
        }

        int capacity = Math.Max(needed, _genes.Length * 2 + 1);
        int old = _genes.Length;
        Array.Resize(ref _genes, capacity);
        Array.Resize(ref _objectives, capacity);
        Array.Resize(ref _constraints, capacity);
        Array.Resize(ref _packed, capacity);
        _nearestDistance = new int[capacity];
        Array.Fill(_nearestDistance, -1);
        for (int i = old; i < capacity; i++)
        {
            _genes[i] = new int[_geneCount];
            _packed[i] = new ulong[_packedCandidate.Length];
            _objectives[i] = new double[_objectiveCount];
        }

    }
}
