"""Test helpers that ship with the package: the tiny random SD-shaped model and its tokenizer."""
