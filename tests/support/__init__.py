"""Helpers shared by the tests, grouped by topic (a test module never imports another)."""
