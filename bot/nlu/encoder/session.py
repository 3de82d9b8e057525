"""The runtime: an ONNX Runtime session over the encoder graph, turning texts into unit-length vectors."""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

import numpy as np
from numpy.typing import NDArray

from bot.nlu.encoder.graph import DIMENSIONS, graph_file, model_dir
from bot.nlu.encoder.tokenizer import WordPiece


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

    def _run(self, ids: NDArray[np.int64], mask: NDArray[np.int64]) -> NDArray[np.float32]:
        vectors: NDArray[np.float32] = self.session.run(None, {"input_ids": ids, "attention_mask": mask})[0]
        return vectors

    def encode_one(self, text: str) -> NDArray[np.float32]:
        ids = np.array([self.tokenizer.ids(text)], dtype=np.int64)
        vector: NDArray[np.float32] = self._run(ids, np.ones_like(ids))[0]
        return vector

    def encode(self, texts: Sequence[str], batch_size: int = 64) -> NDArray[np.float32]:
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



@lru_cache(maxsize=4)
def shared_encoder(threads: int = 1, quantized: bool = True) -> SentenceEncoder:
    """One copy of the weights per process and setting, however many components use it."""
    return SentenceEncoder.load(threads=threads, quantized=quantized)
