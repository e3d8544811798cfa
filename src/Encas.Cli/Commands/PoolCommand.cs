using System.CommandLine;

namespace Encas.Cli.Commands;

/// <summary>The <c>encas pool</c> group: import, build and show model pools.</summary>
internal static class PoolCommand
{
    public static Command Create()
    {
        var pool = new Command("pool", "Model pools: import stored outputs, build from ONNX models, show a pool.")
        {
            PoolImportCommand.Create(),
            PoolBuildCommand.Create(),
            PoolShowCommand.Create(),
        };
        return pool;
    }
}
