using Encas.Core.Pools;
using Encas.Inference.Data;
using Encas.Inference.Runtime;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Encas.GpuNode;

/// <summary>
/// What the precompute entities of one node share: one session factory per device, so that the CUDA fallback is
/// tried and logged once per node, and the last dataset loaded, so that the models of one build read it once.
/// </summary>
/// <remarks>Thread-safe.</remarks>
public sealed class GpuResources
{
    private readonly ILogger _logger;
    private readonly Dictionary<DeviceChoice, OnnxSessionFactory> _sessions = [];
    private readonly Lock _lock = new();
    private (string Folder, int? Limit, IReadOnlyDictionary<string, DatasetSplit> Splits)? _data;

    /// <summary>Creates the node's resources.</summary>
    /// <param name="logger">Receives the one CUDA fallback warning; null logs nothing.</param>
    public GpuResources(ILogger? logger = null)
    {
        _logger = logger ?? NullLogger.Instance;
    }

    /// <summary>The node's session factory for <paramref name="device"/>.</summary>
    public OnnxSessionFactory Sessions(DeviceChoice device)
    {
        lock (_lock)
        {
            if (!_sessions.TryGetValue(device, out var factory))
            {
                factory = new OnnxSessionFactory(device, _logger);
                _sessions[device] = factory;
            }

            return factory;
        }
    }

    /// <summary>Both splits of <paramref name="folder"/>, cut to <paramref name="limit"/> samples; loaded once
    /// per (folder, limit) while it is the latest one asked for.</summary>
    /// <exception cref="InvalidDataException">A data file is unreadable or inconsistent (file named).</exception>
    public IReadOnlyDictionary<string, DatasetSplit> Data(string folder, int? limit)
    {
        string full = Path.GetFullPath(folder);
        lock (_lock)
        {
            if (_data is { } cached && cached.Folder == full && cached.Limit == limit)
            {
                return cached.Splits;
            }
        }

        var splits = PoolSplits.All.ToDictionary(s => s, s =>
        {
            var split = DatasetLoader.Load(full, s);
            return limit is { } n ? split.Take(n) : split;
        });
        Remember(full, limit, splits);
        return splits;
    }

    /// <summary>Hands the node splits loaded elsewhere in this process (the in-process build loads them once).
    /// </summary>
    public void Remember(string folder, int? limit, IReadOnlyDictionary<string, DatasetSplit> splits)
    {
        lock (_lock)
        {
            _data = (Path.GetFullPath(folder), limit, splits);
        }
    }
}
