using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Encas.Core.Cascades;

/// <summary>The SIMD kernel over scaled int32 rows, used when a split fits in memory in that form.</summary>
public sealed unsafe partial class CascadeEvaluator
{
    private int[] ScaleModel(int model)
    {
        // Pinned (pinned object heap), so the kernel can hold raw pointers without fixing on every evaluation.
        var rows = GC.AllocateArray<int>(_samples * _stride, pinned: true);
        var table = HalfScale.Table;
        var data = (ushort*)_split.Outputs[model].Data;
        for (int i = 0; i < _samples; i++)
        {
            ushort* source = data + ((long)i * _classes);
            int start = i * _stride;
            for (int c = 0; c < _classes; c++)
            {
                rows[start + c] = table[source[c]];
            }
        }

        return rows;
    }

    // Same decisions as the half-reading kernel: sample-major, exits tested on exact integer sums; the padding
    // classes hold zeros, which never change a maximum of non-negative sums nor the argmax over real classes.
    private int CountErrorsScaled(Phenotype cascade, Span<int> reach)
    {
        int stages = cascade.Length;
        int stride = _stride;
        int width = Vector<int>.Count;
        int* limits = stackalloc int[GenomeLayout.MaxModels];
        int** rows = stackalloc int*[GenomeLayout.MaxModels];
        for (int s = 0; s < stages; s++)
        {
            limits[s] = s == 0 ? int.MaxValue : HalfScale.StayLimit(cascade.ThresholdGene(s), s);
            rows[s] = (int*)Unsafe.AsPointer(ref MemoryMarshal.GetArrayDataReference(_scaled![cascade.Model(s)]));
        }

        int first = cascade.Model(0);
        int[] top = _top[first];
        ushort[] arg = _arg[first];
        int* sum = stackalloc int[stride];
        int wrong = 0;
        for (int i = 0; i < _samples; i++)
        {
            int predicted;
            if (top[i] > limits[1])
            {
                predicted = arg[i];
            }
            else
            {
                long offset = (long)i * stride;
                int* a = rows[0] + offset;
                int* b = rows[1] + offset;
                var max = Vector<int>.Zero;
                for (int v = 0; v < stride; v += width)
                {
                    var added = Vector.Load(a + v) + Vector.Load(b + v);
                    added.Store(sum + v);
                    max = Vector.Max(max, added);
                }

                reach[1]++;
                for (int s = 2; s < stages && HorizontalMax(max) <= limits[s]; s++)
                {
                    int* next = rows[s] + offset;
                    max = Vector<int>.Zero;
                    for (int v = 0; v < stride; v += width)
                    {
                        var added = Vector.Load(sum + v) + Vector.Load(next + v);
                        added.Store(sum + v);
                        max = Vector.Max(max, added);
                    }

                    reach[s]++;
                }

                predicted = ArgMax(sum, _classes);
            }

            wrong += predicted != _labels[i] ? 1 : 0;
        }

        return wrong;
    }

    private static int HorizontalMax(Vector<int> values)
    {
        int best = values[0];
        for (int k = 1; k < Vector<int>.Count; k++)
        {
            best = Math.Max(best, values[k]);
        }

        return best;
    }
}
