namespace Encas.Core.Bench;

/// <summary>What <see cref="SyntheticPoolWriter"/> generates.</summary>
public sealed record SyntheticPoolOptions
{
    /// <summary>The pool folder to create.</summary>
    public required string Output { get; init; }

    /// <summary>Pool models, spread over the 518-model catalogue (<see cref="TimmCatalog.Spread"/>).</summary>
    public int Models { get; init; } = 518;

    /// <summary>Validation samples (ImageNetV2 has 20,683 in the authors' split).</summary>
    public int ValSamples { get; init; } = 20_683;

    /// <summary>Test samples.</summary>
    public int TestSamples { get; init; } = 10_000;

    /// <summary>Classes.</summary>
    public int Classes { get; init; } = 1000;

    /// <summary>The seed every random stream derives from.</summary>
    public long Seed { get; init; } = 1;

    /// <summary>Whether an existing output folder may be replaced.</summary>
    public bool Replace { get; init; }

    /// <summary>Checks the options; the message names the option.</summary>
    /// <exception cref="ArgumentException">When an option is out of range.</exception>
    public void Validate(int catalogueSize)
    {
        Require(Models >= 1 && Models <= catalogueSize, $"--models must be in [1, {catalogueSize}]");
        Require(ValSamples >= 1 && TestSamples >= 1, "--samples and --test-samples must be at least 1");
        Require(Classes is >= 10 and <= 16_384, "--classes must be in [10, 16384]");
        Require((long)Math.Max(ValSamples, TestSamples) * Classes <= int.MaxValue / 2,
            "--samples × --classes is too large for one output file");
        Require(Seed >= 0, "--seed must not be negative");
    }

    private static void Require(bool condition, string message)
    {
        if (!condition)
        {
            throw new ArgumentException(message);
        }
    }
}
