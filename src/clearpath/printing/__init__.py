"""The printing package."""
