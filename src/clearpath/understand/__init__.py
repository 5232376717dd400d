"""The understand area."""
