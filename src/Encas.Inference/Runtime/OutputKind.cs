namespace Encas.Inference.Runtime;

/// <summary>What a classifier's output holds.</summary>
public enum OutputKind
{
    /// <summary>Softmax probabilities: stored as they are (rounded to half).</summary>
    Probabilities,

    /// <summary>Unnormalised scores: softmax is applied (in float64) before rounding to half.</summary>
    Logits,
}
