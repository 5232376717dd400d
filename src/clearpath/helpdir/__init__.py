"""The helpdir package."""
