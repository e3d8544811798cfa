namespace Encas.Deploy.Tests.Support;

/// <summary>An image a Dockerfile declares it builds: <c># image: encas:cpu target=cpu roles=seed,search</c>.</summary>
/// <param name="Image">NAME:TAG.</param>
/// <param name="Target">The build stage (docker build --target).</param>
/// <param name="Roles">The cluster roles whose nodes run it.</param>
public sealed record DeclaredImage(string Image, string Target, IReadOnlyList<string> Roles);
