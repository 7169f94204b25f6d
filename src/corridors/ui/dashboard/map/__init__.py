"""The map on the page: one adapter per renderer, chosen from the renderer registry."""
