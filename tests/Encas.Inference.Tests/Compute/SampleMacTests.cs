using Encas.Inference.Compute;

namespace Encas.Inference.Tests.Compute;

public sealed class SampleMacTests
{
    [Fact]
    public void Count_EqualsRecordedMacs_ForEverySampleModel()
    {
        var recorded = SampleData.RecordedMacs();
        var files = Directory.GetFiles(SampleData.Models, "*.onnx");

        var counted = files.ToDictionary(f => Path.GetFileNameWithoutExtension(f), MacCounter.Count);

        Assert.Equal(34, files.Length);
        Assert.Equal(recorded.Keys.Order(), counted.Keys.Order());
        var wrong = counted.Where(kv => kv.Value != recorded[kv.Key])
            .Select(kv => $"{kv.Key}: counted {kv.Value}, recorded {recorded[kv.Key]}").ToList();
        Assert.Empty(wrong);
    }
}
