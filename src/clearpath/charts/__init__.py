"""The charts package."""
