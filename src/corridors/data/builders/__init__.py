"""Derive the bundled geometry from Natural Earth (``corridors build-geodata``)."""
