#!/usr/bin/python3
"""Train a small pool of real Fashion-MNIST classifiers and write it in the ENCAS pool-import layout.

What it does
------------
1. Reads Fashion-MNIST (gzip'd IDX files, Debian package ``dataset-fashion-mnist``).
   Split: train = train[0:50000], validation = train[50000:60000], test = the official t10k set.
2. Trains a few dozen diverse classifiers with PyTorch on the CPU: logistic regression, MLPs and
   small CNNs, some on avg-pooled (14x14 / 7x7) inputs and with few epochs, so that accuracy and
   compute (MACs per sample) spread over a wide range.
3. Exports every model to ONNX (opset 13): input ``input`` [N,1,28,28] float32 raw pixels 0..255
   (scaling and downsampling are inside the graph), output ``probs`` [N,10] softmax probabilities,
   dynamic batch axis.
4. Writes, in pool order (ascending MACs, ties by name), the layout ``encas pool import`` reads::

       OUT/output_distrs_{val,test}/<i>.npy.gz   float16 (10000, 10) softmax outputs, gzip mtime=0
       OUT/output_distrs_{val,test}/info.json    flops (MACs/1e6), net_names, accuracy (%)
       OUT/labels_{val,test}.npy                 int64 (10000,)
       OUT/data/{val,test}-{images-idx3,labels-idx1}-ubyte.gz   the evaluation images, IDX format
       OUT/models/<name>.onnx, OUT/models.json, OUT/README.md

Everything is seeded (numpy + torch) and gzip headers carry no time stamp or file name, so a rerun
on the same machine and torch build gives byte-identical files; another machine may differ in the
last bits of the floats.

Run with Debian's interpreter (the one that sees python3-torch)::

    OPENBLAS_NUM_THREADS=1 /usr/bin/python3 tools/make_sample_pool.py \
        --data /usr/share/datasets/fashion-mnist --out samples/fashion-mnist
"""

import argparse
import gzip
import io
import json
import os
import platform
import struct
import subprocess
import sys
import time

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")  # OpenBLAS threads fight torch's OpenMP threads
os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")  # no spinning: much faster on a busy 2-core box

import numpy as np  # noqa: E402
import torch  # noqa: E402
from torch import nn  # noqa: E402

SEED = 20240601
NUM_CLASSES = 10
N_TRAIN = 50000
PIXEL_MEAN = 0.2860  # Fashion-MNIST training-set mean of pixels / 255
PIXEL_STD = 0.3530   # and standard deviation
DEFAULT_DATA = "/usr/share/datasets/fashion-mnist"
CLASS_NAMES = ["T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
               "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"]


# ----------------------------------------------------------------------------- IDX input / output

def read_idx(path):
    """Read a gzip'd IDX file (uint8 data) into a numpy array."""
    with gzip.open(path, "rb") as f:
        raw = f.read()
    zero, dtype_code, ndim = struct.unpack(">HBB", raw[:4])
    if zero != 0 or dtype_code != 0x08:
        raise ValueError(f"{path}: not a uint8 IDX file")
    dims = struct.unpack(">" + "I" * ndim, raw[4:4 + 4 * ndim])
    data = np.frombuffer(raw, dtype=np.uint8, offset=4 + 4 * ndim)
    return data.reshape(dims)


def gzip_bytes(payload):
    """Gzip a byte string reproducibly: level 9, mtime 0, no file name in the header."""
    buf = io.BytesIO()
    with gzip.GzipFile(filename="", mode="wb", fileobj=buf, compresslevel=9, mtime=0) as gz:
        gz.write(payload)
    return buf.getvalue()


def write_idx_gz(path, array):
    """Write a uint8 array as a gzip'd IDX file (magic 0x0000 08 <ndim>, big-endian dims)."""
    array = np.ascontiguousarray(array, dtype=np.uint8)
    header = struct.pack(">HBB", 0, 0x08, array.ndim) + struct.pack(">" + "I" * array.ndim, *array.shape)
    with open(path, "wb") as f:
        f.write(gzip_bytes(header + array.tobytes()))


def npy_bytes(array):
    buf = io.BytesIO()
    np.save(buf, array, allow_pickle=False)
    return buf.getvalue()


def load_fashion_mnist(data_dir):
    """Return dict split -> (images uint8 [n,28,28], labels int64 [n])."""
    tr_x = read_idx(os.path.join(data_dir, "train-images-idx3-ubyte.gz"))
    tr_y = read_idx(os.path.join(data_dir, "train-labels-idx1-ubyte.gz")).astype(np.int64)
    te_x = read_idx(os.path.join(data_dir, "t10k-images-idx3-ubyte.gz"))
    te_y = read_idx(os.path.join(data_dir, "t10k-labels-idx1-ubyte.gz")).astype(np.int64)
    assert tr_x.shape == (60000, 28, 28) and te_x.shape == (10000, 28, 28)
    return {
        "train": (tr_x[:N_TRAIN], tr_y[:N_TRAIN]),
        "val": (tr_x[N_TRAIN:], tr_y[N_TRAIN:]),
        "test": (te_x, te_y),
    }


# ----------------------------------------------------------------------------- model definitions

class Preprocess(nn.Module):
    """Raw pixels 0..255 -> standardised values, optionally average-pooled by `pool` (4 -> 7x7)."""

    def __init__(self, pool=1):
        super().__init__()
        self.pool = nn.AvgPool2d(pool) if pool > 1 else nn.Identity()

    def forward(self, x):
        x = (x / 255.0 - PIXEL_MEAN) / PIXEL_STD
        return self.pool(x)


def make_mlp(side, hidden):
    """Fully connected net on a side x side image; hidden = [] gives logistic regression."""
    layers = [nn.Flatten()]
    width = side * side
    for h in hidden:
        layers += [nn.Linear(width, h), nn.ReLU()]
        width = h
    layers.append(nn.Linear(width, NUM_CLASSES))
    return nn.Sequential(*layers)


def make_cnn(side, channels, fc_hidden=0):
    """Blocks of conv3x3(pad 1)-ReLU-maxpool2, then an optional hidden FC layer and the classifier."""
    layers = []
    in_ch = 1
    for ch in channels:
        layers += [nn.Conv2d(in_ch, ch, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2)]
        in_ch = ch
        side //= 2
    layers.append(nn.Flatten())
    width = in_ch * side * side
    if fc_hidden:
        layers += [nn.Linear(width, fc_hidden), nn.ReLU()]
        width = fc_hidden
    layers.append(nn.Linear(width, NUM_CLASSES))
    return nn.Sequential(*layers)


def model_specs():
    """The pool: (name, kind, input pool factor, body factory, epochs, training images used, lr)."""
    specs = []

    def add(name, kind, pool, factory, epochs, n_train=N_TRAIN, lr=None):
        if lr is None:
            lr = 2e-3 if kind == "cnn" else 1e-3
        specs.append(dict(name=name, kind=kind, pool=pool, factory=factory,
                          epochs=epochs, n_train=n_train, lr=lr))

    # logistic regression on 7x7, 14x14 and full-resolution pixels
    add("logreg_7x7", "logreg", 4, lambda: make_mlp(7, []), 1, 8000, 1e-2)
    add("logreg_14x14", "logreg", 2, lambda: make_mlp(14, []), 1, 5000, 1e-2)
    add("logreg_28x28", "logreg", 1, lambda: make_mlp(28, []), 2, N_TRAIN, 3e-3)
    # MLPs on downsampled inputs (cheap, weak)
    add("mlp_1x8_7x7", "mlp", 4, lambda: make_mlp(7, [8]), 1, 20000, 1e-2)
    add("mlp_1x32_7x7", "mlp", 4, lambda: make_mlp(7, [32]), 2, N_TRAIN, 3e-3)
    add("mlp_1x16_14x14", "mlp", 2, lambda: make_mlp(14, [16]), 1, 10000, 5e-3)
    add("mlp_1x64_14x14", "mlp", 2, lambda: make_mlp(14, [64]), 2)
    add("mlp_2x64_14x14", "mlp", 2, lambda: make_mlp(14, [64, 64]), 3)
    # MLPs on full resolution, several widths and depths
    add("mlp_1x4", "mlp", 1, lambda: make_mlp(28, [4]), 3, N_TRAIN, 1e-2)
    add("mlp_1x8", "mlp", 1, lambda: make_mlp(28, [8]), 1, 20000, 3e-3)
    add("mlp_1x16", "mlp", 1, lambda: make_mlp(28, [16]), 2)
    add("mlp_1x32", "mlp", 1, lambda: make_mlp(28, [32]), 2)
    add("mlp_1x64", "mlp", 1, lambda: make_mlp(28, [64]), 3)
    add("mlp_1x128", "mlp", 1, lambda: make_mlp(28, [128]), 3)
    add("mlp_1x256", "mlp", 1, lambda: make_mlp(28, [256]), 4)
    add("mlp_2x32", "mlp", 1, lambda: make_mlp(28, [32, 32]), 3)
    add("mlp_2x64", "mlp", 1, lambda: make_mlp(28, [64, 64]), 3)
    add("mlp_2x128", "mlp", 1, lambda: make_mlp(28, [128, 128]), 4)
    add("mlp_2x256", "mlp", 1, lambda: make_mlp(28, [256, 256]), 5)
    add("mlp_3x128", "mlp", 1, lambda: make_mlp(28, [128, 128, 128]), 5)
    # CNNs on 14x14 inputs
    add("cnn_8_16_14x14", "cnn", 2, lambda: make_cnn(14, [8, 16]), 2)
    add("cnn_16_32_14x14", "cnn", 2, lambda: make_cnn(14, [16, 32]), 3)
    # one-block CNNs
    add("cnn_2", "cnn", 1, lambda: make_cnn(28, [2]), 1, 20000)
    add("cnn_4", "cnn", 1, lambda: make_cnn(28, [4]), 1, 10000)
    add("cnn_8", "cnn", 1, lambda: make_cnn(28, [8]), 2)
    add("cnn_16", "cnn", 1, lambda: make_cnn(28, [16]), 2)
    add("cnn_32", "cnn", 1, lambda: make_cnn(28, [32]), 2)
    # two-block CNNs
    add("cnn_4_8", "cnn", 1, lambda: make_cnn(28, [4, 8]), 2)
    add("cnn_8_16_e1", "cnn", 1, lambda: make_cnn(28, [8, 16]), 1)
    add("cnn_8_16", "cnn", 1, lambda: make_cnn(28, [8, 16]), 2)
    add("cnn_16_32", "cnn", 1, lambda: make_cnn(28, [16, 32]), 2)
    add("cnn_16_32_fc64", "cnn", 1, lambda: make_cnn(28, [16, 32], 64), 2)
    add("cnn_32_64", "cnn", 1, lambda: make_cnn(28, [32, 64]), 2)
    # three-block CNN
    add("cnn_16_32_64", "cnn", 1, lambda: make_cnn(28, [16, 32, 64]), 2)
    return specs


def full_model(spec, body):
    """Preprocessing + body + softmax: the graph that gets exported."""
    return nn.Sequential(Preprocess(spec["pool"]), body, nn.Softmax(dim=1))


# ----------------------------------------------------------------------------- training / measuring

def count_macs(model):
    """Multiply-accumulates per sample of all Conv2d and Linear layers (forward hooks, batch of 1)."""
    total = [0]

    def conv_hook(mod, inp, out):
        _, out_c, out_h, out_w = out.shape
        kh, kw = mod.kernel_size
        total[0] += out_h * out_w * out_c * (mod.in_channels // mod.groups) * kh * kw

    def linear_hook(mod, inp, out):
        total[0] += mod.in_features * mod.out_features

    handles = []
    for m in model.modules():
        if isinstance(m, nn.Conv2d):
            handles.append(m.register_forward_hook(conv_hook))
        elif isinstance(m, nn.Linear):
            handles.append(m.register_forward_hook(linear_hook))
    with torch.no_grad():
        model(torch.zeros(1, 1, 28, 28))
    for h in handles:
        h.remove()
    return total[0]


def train(model, spec, images, labels, seed, batch_size=128):
    """Adam + cross-entropy on logits (the model minus its final softmax), cosine learning rate."""
    logits_net = model[:-1]
    gen = torch.Generator().manual_seed(seed)
    n = spec["n_train"]
    x, y = images[:n], labels[:n]
    steps_per_epoch = (n + batch_size - 1) // batch_size
    total_steps = steps_per_epoch * spec["epochs"]
    opt = torch.optim.Adam(model.parameters(), lr=spec["lr"])
    sched = torch.optim.lr_scheduler.LambdaLR(
        opt, lambda step: 0.5 * (1 + np.cos(np.pi * step / total_steps)))
    loss_fn = nn.CrossEntropyLoss()
    model.train()
    for _ in range(spec["epochs"]):
        perm = torch.randperm(n, generator=gen)
        for i in range(steps_per_epoch):
            idx = perm[i * batch_size:(i + 1) * batch_size]
            opt.zero_grad()
            loss = loss_fn(logits_net(x[idx]), y[idx])
            loss.backward()
            opt.step()
            sched.step()
    model.eval()


def predict(model, images, batch_size=1000):
    """Softmax outputs in float32, shape [n, 10]."""
    outs = []
    with torch.no_grad():
        for i in range(0, len(images), batch_size):
            outs.append(model(images[i:i + batch_size]))
    return torch.cat(outs).numpy().astype(np.float32)


def export_onnx(model, path):
    torch.onnx.export(model, torch.zeros(1, 1, 28, 28), path,
                      input_names=["input"], output_names=["probs"],
                      dynamic_axes={"input": {0: "n"}, "probs": {0: "n"}},
                      opset_version=13, do_constant_folding=True)


# ----------------------------------------------------------------------------- checks and reports

def check_outputs(name, split, probs16):
    if probs16.shape != (10000, NUM_CLASSES) or probs16.dtype != np.float16:
        raise AssertionError(f"{name}/{split}: bad shape/dtype {probs16.shape} {probs16.dtype}")
    if not np.all(np.isfinite(probs16)):
        raise AssertionError(f"{name}/{split}: non-finite outputs")
    sums = probs16.astype(np.float64).sum(axis=1)
    worst = np.abs(sums - 1).max()
    if worst > 1e-2:
        raise AssertionError(f"{name}/{split}: a row sums to {sums[np.abs(sums - 1).argmax()]}")
    return worst


def package_version(pkg):
    try:
        return subprocess.run(["dpkg-query", "-W", "-f=${Version}", pkg],
                              capture_output=True, text=True, check=True).stdout.strip()
    except Exception:  # not a Debian system
        return "unknown"


def write_readme(out_dir, pool, wall_seconds, args):
    rows = "\n".join(
        f"| {i} | `{m['name']}` | {m['kind']} | {m['mflops']:.4f} | {m['params']:,} | "
        f"{m['val_accuracy']:.2f} | {m['test_accuracy']:.2f} |"
        for i, m in enumerate(pool))
    text = f"""# Fashion-MNIST sample pool

A real ENCAS model pool: {len(pool)} small classifiers trained on Fashion-MNIST, with their softmax
outputs on a validation and a test split, in the layout `encas pool import` reads.
Generated by `tools/make_sample_pool.py`; do not edit by hand.

## Provenance
- Data: Fashion-MNIST (Zalando SE, 2017, MIT licence), from the Debian 12 package
  `dataset-fashion-mnist` version `{package_version("dataset-fashion-mnist")}`
  (`/usr/share/datasets/fashion-mnist/*.gz`).
- Split: models are trained on train images [0:50000]; **validation** = train images
  [50000:60000]; **test** = the official 10,000-image t10k set. Both evaluation splits are balanced
  (about 1,000 per class) and are copied to `data/` (gzip'd IDX, the MNIST format) so other tools can
  re-run the ONNX models on exactly these images.
- Training: PyTorch {torch.__version__} (Debian `python3-torch` {package_version("python3-torch")}),
  Python {platform.python_version()}, CPU only, {torch.get_num_threads()} threads, Adam with cosine
  learning-rate decay, batch 128, fixed seeds. Whole run (training, export, outputs) took
  {wall_seconds:.0f} s wall on this machine ({os.cpu_count()} cores).
- Model families: logistic regression, MLPs (1–3 hidden ReLU layers, 4–256 units) and small CNNs
  (1–3 blocks of 3x3 conv + ReLU + 2x2 max-pool, optional hidden FC layer), some on inputs
  average-pooled to 14x14 or 7x7 inside the graph, some trained for a single epoch or on a subset of
  the training images, to get cheap weak models.

## Layout
- `models/<name>.onnx`: opset 13; input `input` float32 [N,1,28,28], raw pixel values 0–255
  (scaling and any downsampling are inside the graph); output `probs` float32 [N,10], softmax
  probabilities; the batch axis is dynamic.
- `output_distrs_val/<i>.npy.gz`, `output_distrs_test/<i>.npy.gz`: gzip'd `.npy`, float16
  (10000, 10): the PyTorch float32 softmax outputs cast to half. `i` is the pool index below
  (ascending MACs, ties by name).
- `output_distrs_<split>/info.json`: `flops` (MACs per sample / 1e6, pool order; the ENCAS
  convention of calling MACs "FLOPs"), `net_names`, `accuracy` (% on that split, from float32).
- `labels_val.npy`, `labels_test.npy`: int64 (10000,).
- `data/{{val,test}}-images-idx3-ubyte.gz`, `data/{{val,test}}-labels-idx1-ubyte.gz`.
- `models.json`: name, file, macs, mflops, kind, params, val/test accuracy, output.
- `cascades.txt`: example genomes (3 best single models, 5 cascades), one per line, written by
  `/usr/bin/python3 tools/pick_example_cascades.py --pool samples/fashion-mnist`.
- MACs count only Conv2d (out_h·out_w·out_c·in_c/groups·k_h·k_w) and Linear (in·out) layers;
  element-wise ops, pooling and softmax are ignored.

## Models

| # | name | kind | MFLOPs (MACs/1e6) | params | val % | test % |
| --- | --- | --- | --- | --- | --- | --- |
{rows}

## Regenerating

```sh
apt-get install python3-torch dataset-fashion-mnist python3-numpy libopenblas0-pthread
OPENBLAS_NUM_THREADS=1 /usr/bin/python3 tools/make_sample_pool.py \\
    --data {DEFAULT_DATA} --out samples/fashion-mnist
```

The run is seeded and the gzip headers carry no time stamp, so the same machine and torch build
reproduce the files byte for byte. Another machine, BLAS or thread count may change the last bits of
the floats (and so a few float16 values or the odd borderline prediction); **the committed outputs
are the reference**.
"""
    with open(os.path.join(out_dir, "README.md"), "w") as f:
        f.write(text)


# ----------------------------------------------------------------------------- main

def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", default="samples/fashion-mnist", help="output folder")
    ap.add_argument("--data", default=DEFAULT_DATA, help="folder with the Fashion-MNIST IDX .gz files")
    ap.add_argument("--threads", type=int, default=2, help="torch CPU threads")
    ap.add_argument("--only", nargs="*", help="train only these model names (for experiments)")
    args = ap.parse_args()

    start = time.time()
    torch.set_num_threads(args.threads)
    torch.use_deterministic_algorithms(True)
    np.random.seed(SEED)
    torch.manual_seed(SEED)

    splits = load_fashion_mnist(args.data)
    tensors = {k: (torch.from_numpy(x.astype(np.float32)).unsqueeze(1), torch.from_numpy(y))
               for k, (x, y) in splits.items()}

    out = args.out
    for sub in ("models", "data", "output_distrs_val", "output_distrs_test"):
        os.makedirs(os.path.join(out, sub), exist_ok=True)

    # train, export and evaluate every model (in spec order; each model has its own seed)
    results = []
    for k, spec in enumerate(model_specs()):  # k (position in the spec list) fixes the seed
        if args.only and spec["name"] not in args.only:
            continue
        t0 = time.time()
        torch.manual_seed(SEED + 1000 * k)
        model = full_model(spec, spec["factory"]())
        train(model, spec, *tensors["train"], seed=SEED + 1000 * k + 1)
        probs = {s: predict(model, tensors[s][0]) for s in ("val", "test")}
        acc = {s: 100.0 * float((probs[s].argmax(1) == splits[s][1]).mean()) for s in probs}
        macs = count_macs(model)
        export_onnx(model, os.path.join(out, "models", spec["name"] + ".onnx"))
        results.append(dict(spec=spec, macs=macs, probs=probs, acc=acc,
                            params=sum(p.numel() for p in model.parameters())))
        print(f"{spec['name']:18s} macs={macs:>9,d} val={acc['val']:6.2f} test={acc['test']:6.2f} "
              f"({time.time() - t0:5.1f} s)", flush=True)

    # pool order: ascending MACs, ties by name
    results.sort(key=lambda r: (r["macs"], r["spec"]["name"]))

    pool = []
    worst_sum = 0.0
    for split in ("val", "test"):
        folder = os.path.join(out, f"output_distrs_{split}")
        for old in os.listdir(folder):  # drop stale files of a previous, larger pool
            os.remove(os.path.join(folder, old))
        for i, r in enumerate(results):
            p16 = r["probs"][split].astype(np.float16)
            worst_sum = max(worst_sum, check_outputs(r["spec"]["name"], split, p16))
            with open(os.path.join(folder, f"{i}.npy.gz"), "wb") as f:
                f.write(gzip_bytes(npy_bytes(p16)))
        info = {"flops": [r["macs"] / 1e6 for r in results],
                "net_names": [r["spec"]["name"] for r in results],
                "accuracy": [round(r["acc"][split], 2) for r in results]}
        with open(os.path.join(folder, "info.json"), "w") as f:
            json.dump(info, f, indent=1)
        images, labels = splits[split]
        np.save(os.path.join(out, f"labels_{split}.npy"), labels.astype(np.int64))
        write_idx_gz(os.path.join(out, "data", f"{split}-images-idx3-ubyte.gz"), images)
        write_idx_gz(os.path.join(out, "data", f"{split}-labels-idx1-ubyte.gz"), labels.astype(np.uint8))

    names = {r["spec"]["name"] for r in results}
    for f in os.listdir(os.path.join(out, "models")):  # drop ONNX files of models no longer in the pool
        if f.endswith(".onnx") and f[:-5] not in names:
            os.remove(os.path.join(out, "models", f))

    for r in results:
        pool.append(dict(name=r["spec"]["name"], file=f"models/{r['spec']['name']}.onnx",
                         macs=r["macs"], mflops=r["macs"] / 1e6, kind=r["spec"]["kind"],
                         params=r["params"], val_accuracy=round(r["acc"]["val"], 2),
                         test_accuracy=round(r["acc"]["test"], 2), output="probabilities",
                         epochs=r["spec"]["epochs"], train_images=r["spec"]["n_train"]))
    with open(os.path.join(out, "models.json"), "w") as f:
        json.dump(pool, f, indent=1)

    wall = time.time() - start
    write_readme(out, pool, wall, args)

    # summary
    print(f"\n{'#':>3} {'name':18s} {'kind':6s} {'MACs':>10s} {'val %':>7s} {'test %':>7s}")
    for i, m in enumerate(pool):
        print(f"{i:3d} {m['name']:18s} {m['kind']:6s} {m['macs']:10,d} "
              f"{m['val_accuracy']:7.2f} {m['test_accuracy']:7.2f}")
    accs = [m["val_accuracy"] for m in pool]
    macs = [m["macs"] for m in pool]
    print(f"\n{len(pool)} models; val accuracy {min(accs):.2f}-{max(accs):.2f} %; "
          f"MACs {min(macs):,}-{max(macs):,} ({max(macs) / min(macs):.0f}x); "
          f"worst |row sum - 1| in float16 = {worst_sum:.2e}; wall {wall:.0f} s")
    if max(macs) / min(macs) < 100:
        print("WARNING: MACs span less than 100x", file=sys.stderr)


if __name__ == "__main__":
    main()
