"""The contact area."""
