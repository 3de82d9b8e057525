"""The NumPy/ONNX sentence encoder gives what sentence-transformers gives for all-MiniLM-L6-v2."""

import json
from pathlib import Path

import numpy as np
import pytest

from bot.nlu.sentence_encoder import DIMENSIONS, MAX_TOKENS, SentenceEncoder, graph_file, model_dir, shared_encoder

REFERENCE = json.loads((Path(__file__).parent / "fixtures" / "minilm_reference.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def encoder():
    """The exact graph: held to the reference implementation."""
    return shared_encoder(1, quantized=False)


@pytest.fixture(scope="module")
def quantized():
    """The 8-bit graph the assistant runs: close to the exact one, not equal."""
    return shared_encoder(1, quantized=True)


def test_tokens_are_the_reference_tokenizers(encoder):
    for sentence in REFERENCE["sentences"]:
        assert encoder.tokenizer.ids(sentence["text"]) == sentence["ids"], sentence["text"]


def test_vectors_are_the_reference_models(encoder):
    with_vectors = [s for s in REFERENCE["sentences"] if "embedding" in s]
    assert len(with_vectors) >= 5
    got = encoder.encode([s["text"] for s in with_vectors])
    want = np.array([s["embedding"] for s in with_vectors])
    assert np.abs(got - want).max() < 1e-5
    for sentence, row in zip(with_vectors, want, strict=True):
        assert np.abs(encoder.encode_one(sentence["text"]) - row).max() < 1e-5


def test_a_batch_with_padding_gives_each_message_its_own_vector(encoder):
    texts = ["yes", "where is the closest office to Winnipeg", "", "😀", "je ne sais pas trop quoi répondre"]
    alone = np.array([encoder.encode_one(t) for t in texts])
    assert np.abs(encoder.encode(texts, batch_size=3) - alone).max() < 1e-5


def test_meanings_not_spellings(encoder, quantized):
    for model in (encoder, quantized):
        lawyer, counsel, brakes = model.encode(["do i need a lawyer", "do i have to hire counsel", "my brakes squeak"])
        assert lawyer @ counsel > lawyer @ brakes + 0.2


def test_the_8_bit_graph_stays_close_to_the_reference(quantized):
    texts = [s["text"] for s in REFERENCE["sentences"] if "embedding" in s]
    want = np.array([s["embedding"] for s in REFERENCE["sentences"] if "embedding" in s])
    cosines = (quantized.encode(texts) * want).sum(axis=1)
    assert cosines.min() > 0.97, cosines
    assert np.abs(quantized.encode(texts, batch_size=2) - quantized.encode(texts)).max() < 1e-5


def test_any_input_gives_a_unit_vector(encoder, quantized):
    for text in ["", " ", "\x00\x01", "😀" * 50, "word " * 1000, "\u200b", "日本語"]:
        for model in (encoder, quantized):
            vector = model.encode_one(text)
            assert vector.shape == (DIMENSIONS,) and abs(np.linalg.norm(vector) - 1.0) < 1e-4
    assert len(encoder.tokenizer.ids("word " * 1000)) == MAX_TOKENS


def test_the_graph_is_built_once_where_the_environment_says(tmp_path, monkeypatch):
    monkeypatch.setenv("TRP_ENCODER_CACHE", str(tmp_path))
    path = graph_file(model_dir())
    assert path.parent == tmp_path and path.stat().st_size > 80_000_000
    assert list(tmp_path.iterdir()) == [path]  # no partial file left behind
    built = path.stat().st_mtime_ns
    assert graph_file(model_dir()) == path and path.stat().st_mtime_ns == built
    fresh = SentenceEncoder(str(path), shared_encoder(1, False).tokenizer)
    assert np.allclose(fresh.encode_one("hello"), shared_encoder(1, False).encode_one("hello"), atol=1e-6)
    small = graph_file(model_dir(), quantized=True)
    assert small.parent == tmp_path and small.stat().st_size < path.stat().st_size * 0.7
    assert sorted(tmp_path.iterdir()) == sorted([path, small])
