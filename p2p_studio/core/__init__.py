"""Torch-free, Qt-free foundations every layer shares: errors, photos, files, recipe, settings schema."""
