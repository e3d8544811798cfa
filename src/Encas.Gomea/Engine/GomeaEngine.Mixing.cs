using System.Runtime.CompilerServices;
using Encas.Gomea.Archive;

namespace Encas.Gomea.Engine;

public sealed partial class GomeaEngine
{
    // Multi-objective GOM for a parent in a middle cluster: per linkage set (random order) copy the genes of a random
    // cluster member, evaluate if anything changed, offer to the archive, keep the change if it weakly dominates the
    // current solution or the archive does not dominate it. Forced improvement follows when nothing was kept or the
    // no-improvement stretch is long.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void MixMultiObjective(MixingContext context, int cluster, int parent)
    {
        Population population = context.Population;
        int[] result = context.OffspringGenes[parent];
        double[] objectives = context.OffspringObjectives[parent];
        int[] backup = context.BackupGenes;
        double[] backupObjectives = context.BackupObjectives;
        int[][] fos = context.Fos[cluster];
        int[] members = context.Clusters.Members[cluster];
        int setCount = fos.Length - 1;
        Span<int> order = context.Order.AsSpan(0, setCount);

        population.Genes[parent].CopyTo(result, 0);
        population.Objectives[parent].CopyTo(objectives, 0);
        double constraint = population.Constraints[parent];
        result.CopyTo(backup, 0);
        objectives.CopyTo(backupObjectives, 0);
        double backupConstraint = constraint;

        _rng.FillRandomOrdering(order);
        bool changed = false;
        for (int i = 0; i < setCount; i++)
        {
            int[] set = fos[order[i]];
            int[] donor = population.Genes[members[_rng.NextInt(context.Clusters.ClusterSize)]];
            CopyAndMutate(result, donor, set);
            if (Unchanged(result, backup, set))
            {
                continue;
            }

            constraint = Evaluate(result, objectives, -1);
            ArchiveOffer offer = OfferToArchive(result, objectives, constraint);
            bool improved = !offer.IsDominated
                || Dominance.ConstraintWeaklyDominates(objectives, constraint, backupObjectives, backupConstraint);
            Settle(improved, result, objectives, ref constraint, backup, backupObjectives, ref backupConstraint);
            changed |= improved;
            if (_budgetReached)
            {
                break;
            }
        }

        if (!_budgetReached && (!changed || NeedsForcedImprovement(population)))
        {
            changed = false;
            _rng.FillRandomOrdering(order);
            for (int i = 0; i < setCount; i++)
            {
                int donorIndex = _rng.NextInt(_archive.Count);
                int[] set = fos[order[i]];
                CopyAndMutate(result, _archive.GenesArray(donorIndex), set);
                if (Unchanged(result, backup, set))
                {
                    continue;
                }

                constraint = Evaluate(result, objectives, -1);
                ArchiveOffer offer = OfferToArchive(result, objectives, constraint);
                bool improved = offer.IsNewNondominated
                    || Dominance.ConstraintDominates(objectives, constraint, backupObjectives, backupConstraint);
                Settle(improved, result, objectives, ref constraint, backup, backupObjectives, ref backupConstraint);
                if (improved)
                {
                    changed = true;
                    break;
                }

                if (_budgetReached)
                {
                    break;
                }
            }

            if (!changed)
            {
                int pick = _rng.NextInt(_archive.Count);
                _archive.Genes(pick).CopyTo(result);
                _archive.Objectives(pick).CopyTo(objectives);
                constraint = _archive.Constraint(pick);
            }
        }

        context.OffspringConstraints[parent] = constraint;
    }

    // Single-objective GOM for a parent in the extreme cluster of objective o: as above, but a change is kept when it
    // is at least as good in o; forced improvement uses the archive's best member in o as the only donor and keeps
    // only strict improvements.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void MixSingleObjective(MixingContext context, int cluster, int o, int parent)
    {
        Population population = context.Population;
        int[] result = context.OffspringGenes[parent];
        double[] objectives = context.OffspringObjectives[parent];
        int[] backup = context.BackupGenes;
        double[] backupObjectives = context.BackupObjectives;
        int[][] fos = context.Fos[cluster];
        int[] members = context.Clusters.Members[cluster];
        int setCount = fos.Length - 1;
        Span<int> order = context.Order.AsSpan(0, setCount);

        population.Genes[parent].CopyTo(result, 0);
        population.Objectives[parent].CopyTo(objectives, 0);
        double constraint = population.Constraints[parent];
        result.CopyTo(backup, 0);
        objectives.CopyTo(backupObjectives, 0);
        double backupConstraint = constraint;

        _rng.FillRandomOrdering(order);
        bool changed = false;
        for (int i = 0; i < setCount; i++)
        {
            int[] set = fos[order[i]];
            int[] donor = population.Genes[members[_rng.NextInt(context.Clusters.ClusterSize)]];
            CopyAndMutate(result, donor, set);
            if (Unchanged(result, backup, set))
            {
                continue;
            }

            constraint = Evaluate(result, objectives, o);
            OfferToArchive(result, objectives, constraint);
            bool improved = Dominance.Better(objectives, constraint, backupObjectives, backupConstraint, o)
                || Dominance.Equal(objectives, constraint, backupObjectives, backupConstraint, o);
            Settle(improved, result, objectives, ref constraint, backup, backupObjectives, ref backupConstraint);
            changed |= improved;
            if (_budgetReached)
            {
                break;
            }
        }

        if (!_budgetReached && (!changed || NeedsForcedImprovement(population)))
        {
            changed = false;
            int[] elite = context.DonorCopy;
            _archive.Genes(BestArchiveMember(o)).CopyTo(elite);
            _rng.FillRandomOrdering(order);
            for (int i = 0; i < setCount; i++)
            {
                int[] set = fos[order[i]];
                CopyAndMutate(result, elite, set);
                if (Unchanged(result, backup, set))
                {
                    continue;
                }

                constraint = Evaluate(result, objectives, o);
                OfferToArchive(result, objectives, constraint);
                bool improved = Dominance.Better(objectives, constraint, backupObjectives, backupConstraint, o);
                Settle(improved, result, objectives, ref constraint, backup, backupObjectives, ref backupConstraint);
                if (improved)
                {
                    changed = true;
                    break;
                }

                if (_budgetReached)
                {
                    break;
                }
            }

            if (!changed)
            {
                int best = BestArchiveMember(o);
                _archive.Genes(best).CopyTo(result);
                _archive.Objectives(best).CopyTo(objectives);
                constraint = _archive.Constraint(best);
            }
        }

        context.OffspringConstraints[parent] = constraint;
    }

    private bool NeedsForcedImprovement(Population population) =>
        population.NoImprovementStretch > 1 + Math.Floor(Math.Log10(population.Size));

    private ArchiveOffer OfferToArchive(int[] genes, double[] objectives, double constraint)
    {
        ArchiveOffer offer = _archive.OfferWithReplacement(genes, objectives, constraint);
        if (offer.IsNewNondominated)
        {
            _frontChanged = true;
        }

        return offer;
    }

    // First index with the largest value of objective o.
    private int BestArchiveMember(int o)
    {
        int best = 0;
        for (int j = 0; j < _archive.Count; j++)
        {
            if (_archive.Objectives(j)[o] > _archive.Objectives(best)[o])
            {
                best = j;
            }
        }

        return best;
    }

    private void CopyAndMutate(int[] result, int[] donor, int[] set)
    {
        foreach (int g in set)
        {
            result[g] = donor[g];
        }

        if (_options.Mutation == MutationMode.None)
        {
            return;
        }

        double rate = _options.Mutation == MutationMode.Weak ? 1.0 / _geneCount : 1.0 / set.Length;
        foreach (int g in set)
        {
            if (_rng.NextDouble() < rate)
            {
                result[g] = result[g] == 0 ? 1 : 0;
            }
        }
    }

    private static bool Unchanged(int[] result, int[] backup, int[] set)
    {
        foreach (int g in set)
        {
            if (backup[g] != result[g])
            {
                return false;
            }
        }

        return true;
    }

    private static void Settle(
        bool keep, int[] result, double[] objectives, ref double constraint,
        int[] backup, double[] backupObjectives, ref double backupConstraint)
    {
        if (keep)
        {
            result.CopyTo(backup, 0);
            objectives.CopyTo(backupObjectives, 0);
            backupConstraint = constraint;
        }
        else
        {
            backup.CopyTo(result, 0);
            backupObjectives.CopyTo(objectives, 0);
            constraint = backupConstraint;
        }
    }
}
