namespace Encas.Messages;

/// <summary>
/// Marks every message and persisted event of the protocol: all of them are bound to
/// <see cref="Serialization.EncasMessageSerializer"/>, never to Akka's default JSON serializer.
/// </summary>
public interface IEncasMessage;
