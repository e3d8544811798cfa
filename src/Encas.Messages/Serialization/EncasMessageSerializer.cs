using System.Text.Json;
using Akka.Actor;
using System.Runtime.Serialization;
using Akka.Serialization;

namespace Encas.Messages.Serialization;

/// <summary>
/// The protocol's serializer: System.Text.Json bodies under fixed, versioned string manifests (never CLR type
/// names), so that renaming or moving a type cannot change what is on the wire or in the journal, and an
/// unknown manifest is a clear error rather than a silent mis-read.
/// </summary>
public sealed class EncasMessageSerializer : SerializerWithStringManifest
{
    /// <summary>The serializer id (Akka reserves 0–40).</summary>
    public const int Id = 1723;

    /// <summary>The HOCON that binds every <see cref="IEncasMessage"/> to this serializer.</summary>
    public const string Hocon = """
        akka.actor {
          serializers.encas = "Encas.Messages.Serialization.EncasMessageSerializer, Encas.Messages"
          serialization-bindings { "Encas.Messages.IEncasMessage, Encas.Messages" = encas }
          serialization-identifiers { "Encas.Messages.Serialization.EncasMessageSerializer, Encas.Messages" = 1723 }
        }
        """;

    /// <summary>Creates the serializer; Akka calls this with its system.</summary>
    public EncasMessageSerializer(ExtendedActorSystem system) : base(system)
    {
    }

    /// <inheritdoc />
    public override int Identifier => Id;

    /// <inheritdoc />
    public override string Manifest(object o)
    {
        ArgumentNullException.ThrowIfNull(o);
        return MessageManifests.ByType.TryGetValue(o.GetType(), out var manifest)
            ? manifest
            : throw new ArgumentException($"{o.GetType().FullName} has no manifest in MessageManifests");
    }

    /// <inheritdoc />
    public override byte[] ToBinary(object obj)
    {
        ArgumentNullException.ThrowIfNull(obj);
        _ = Manifest(obj);
        return JsonSerializer.SerializeToUtf8Bytes(obj, obj.GetType(), EncasJson.Options);
    }

    /// <inheritdoc />
    public override object FromBinary(byte[] bytes, string manifest)
    {
        if (!MessageManifests.ByManifest.TryGetValue(manifest, out var type))
        {
            throw new SerializationException($"unknown ENCAS message manifest '{manifest}'");
        }

        return JsonSerializer.Deserialize(bytes, type, EncasJson.Options)
            ?? throw new SerializationException($"ENCAS message '{manifest}' deserialised to null");
    }
}
