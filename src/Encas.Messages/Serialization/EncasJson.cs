using System.Text.Json;

namespace Encas.Messages.Serialization;

/// <summary>The one JSON shape of the protocol, shared by the serializer and the management endpoint.</summary>
public static class EncasJson
{
    /// <summary>snake_case names, compact.</summary>
    public static JsonSerializerOptions Options { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = false,
    };
}
