"""The evidence area."""
