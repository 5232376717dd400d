"""The heal area."""
