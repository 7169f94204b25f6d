"""The map on the page: one adapter per renderer, chosen from the renderer registry.

- :mod:`~corridors.ui.dashboard.map.panel`: the framing, the cells of reported events and
  the choice of adapter (:func:`render_map`);
- :mod:`~corridors.ui.dashboard.map.adapter`: what an adapter is and is given, and what a
  click selects;
- :mod:`~corridors.ui.dashboard.map.adapters`: the adapters by renderer name;
- :mod:`~corridors.ui.dashboard.map.deck` (the atlas's map component) and
  :mod:`~corridors.ui.dashboard.map.leaflet` (``st_folium``): the two adapters.
"""
