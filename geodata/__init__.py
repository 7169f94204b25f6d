"""Bundled data of Corridor Atlas, described in README.md.

A package only so that it is package data: ``importlib.resources`` finds it as
``corridors.geodata`` in an installed wheel and in an editable install alike.
"""
