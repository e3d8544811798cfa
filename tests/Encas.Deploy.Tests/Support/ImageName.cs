namespace Encas.Deploy.Tests.Support;

/// <summary>Splits image references into repository and tag.</summary>
public static class ImageName
{
    /// <summary>The repository part (registry/path/name) of <paramref name="image"/>.</summary>
    public static string Repository(string image)
    {
        string withoutDigest = image.Split('@')[0];
        int slash = withoutDigest.LastIndexOf('/');
        int colon = withoutDigest.LastIndexOf(':');
        return colon > slash ? withoutDigest[..colon] : withoutDigest;
    }

    /// <summary>The tag of <paramref name="image"/>, or null (which means latest).</summary>
    public static string? Tag(string image)
    {
        string withoutDigest = image.Split('@')[0];
        int slash = withoutDigest.LastIndexOf('/');
        int colon = withoutDigest.LastIndexOf(':');
        return colon > slash ? withoutDigest[(colon + 1)..] : null;
    }
}
