"""The deck.gl renderer: pydeck layers of a scene and the map component that draws them."""
