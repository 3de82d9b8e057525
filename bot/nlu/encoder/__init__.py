"""The all-MiniLM-L6-v2 sentence encoder in three parts: the word-piece tokenizer (`tokenizer`), the
ONNX graph built from the packaged weights (`graph`) and the ONNX Runtime session that encodes
messages (`session`). bot/nlu/sentence_encoder.py is the entry point the components import."""
