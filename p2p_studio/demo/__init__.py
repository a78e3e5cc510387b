"""The demo model: its procedural world, an OpenCV judge, training and evaluation (no Qt)."""
