"""The deck.gl renderer (pydeck): layers of a scene, label shaping, picking by feature id."""
