namespace Encas.Inference.Compute;

/// <summary>Thrown inside the MAC counter when it cannot follow a graph; <see cref="MacCounter"/> turns it into a
/// one-line error that names the file and points to <c>models.json</c>.</summary>
internal sealed class UnfollowableGraphException(string message) : Exception(message);
