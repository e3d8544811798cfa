using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Encas.Core.Cascades;

/// <summary>The per-model tables, shared (read-only) with the evaluators built on top of this one.</summary>
public sealed unsafe partial class CascadeEvaluator : ICascadeScorer
{
    /// <summary>Scaled top probability per sample of pool model <paramref name="model"/>.</summary>
    internal int[] TopOf(int model) => _top[model];

    /// <summary>Top class per sample of pool model <paramref name="model"/> (ties → lowest index).</summary>
    internal ushort[] ArgOf(int model) => _arg[model];

    /// <summary>Errors of pool model <paramref name="model"/> alone.</summary>
    internal int WrongAlone(int model) => _wrongAlone[model];

    /// <summary>MFLOPs per model.</summary>
    internal double[] MflopsTable => _mflops;

    /// <summary>Labels.</summary>
    internal int[] LabelTable => _labels;

    /// <summary>Adds sample <paramref name="sample"/>'s scaled row of <paramref name="model"/> to a sum.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal void AddRow(int model, int sample, int* source, int* target)
    {
        int classes = _classes;
        if (_scaled is not null)
        {
            int* row = (int*)Unsafe.AsPointer(ref MemoryMarshal.GetArrayDataReference(_scaled[model]))
                + ((long)sample * _stride);
            int width = Vector<int>.Count;
            int c = 0;
            for (; c <= classes - width; c += width)
            {
                (Vector.Load(source + c) + Vector.Load(row + c)).Store(target + c);
            }

            for (; c < classes; c++)
            {
                target[c] = source[c] + row[c];
            }

            return;
        }

        ushort* half = (ushort*)_split.Outputs[model].Data + ((long)sample * classes);
        int[] table = HalfScale.Table;
        for (int c = 0; c < classes; c++)
        {
            target[c] = source[c] + table[half[c]];
        }
    }
}
