namespace Encas.Seed;

/// <summary>What the coordinator does with a submission.</summary>
/// <param name="AlreadyKnown">True when the same id and spec were submitted before (accepted, no new work).</param>
/// <param name="Reason">Why it is rejected (names the option or file), or null when it is accepted.</param>
public sealed record SubmissionVerdict(bool AlreadyKnown, string? Reason)
{
    /// <summary>A new experiment.</summary>
    public static SubmissionVerdict New { get; } = new(false, null);

    /// <summary>The same experiment again.</summary>
    public static SubmissionVerdict Known { get; } = new(true, null);

    /// <summary>Whether the submission is accepted (new or known).</summary>
    public bool Accepted => Reason is null;

    /// <summary>A rejection for <paramref name="reason"/>.</summary>
    public static SubmissionVerdict Rejected(string reason) => new(false, reason);
}
