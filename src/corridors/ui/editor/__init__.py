"""The draft editor page (``corridors edit``, local only): an article in, a reviewed draft out."""
