namespace Encas.Core.Bench;

/// <summary>One model of the timm ImageNet table that the synthetic pool imitates.</summary>
/// <param name="Name">The timm model name.</param>
/// <param name="Top1">Published top-1 accuracy (%) on ImageNet-val: the test split's target.</param>
/// <param name="Top1ImagenetV2">Published top-1 accuracy (%) on ImageNetV2: the validation split's target.</param>
/// <param name="Gmacs">Multiply-accumulates per image in billions (MFLOPs = GMACs × 1000).</param>
public sealed record TimmModel(string Name, double Top1, double Top1ImagenetV2, double Gmacs);
