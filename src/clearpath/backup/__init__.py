"""The backup area."""
