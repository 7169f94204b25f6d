"""Corridor Atlas: the South Caucasus transit corridors and the events that concern them."""

__version__ = "0.1.0"
