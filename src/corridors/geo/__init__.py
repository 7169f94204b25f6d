"""Pure geometry maths: the regional window, map cameras, hexagonal (H3) cells.

Imports only :mod:`corridors.core`.
"""
