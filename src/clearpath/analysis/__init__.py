"""The analysis package."""
