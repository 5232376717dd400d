"""The messages area: chat and mail exports kept as evidence, read safely, searched."""
