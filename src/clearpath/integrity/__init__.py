"""The integrity package."""
