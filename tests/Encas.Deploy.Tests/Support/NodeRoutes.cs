using Encas.Node;
using Microsoft.AspNetCore.Routing;

namespace Encas.Deploy.Tests.Support;

/// <summary>The routes a real node maps on its management port (built, never started).</summary>
public static class NodeRoutes
{
    /// <summary>Every route pattern of a seed node's management endpoint.</summary>
    public static IReadOnlyList<string> Patterns()
    {
        var options = new NodeOptions
        {
            Roles = NodeRole.All,
            Port = 0,
            ManagementPort = 0,
            DataDir = Path.Combine(Path.GetTempPath(), "encas-deploy-tests-unused"),
        };
        var app = EncasNode.Build(options);
        try
        {
            return ((IEndpointRouteBuilder)app).DataSources
                .SelectMany(d => d.Endpoints)
                .OfType<RouteEndpoint>()
                .Select(e => e.RoutePattern.RawText ?? "")
                .ToList();
        }
        finally
        {
            app.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }
}
