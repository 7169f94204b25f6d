"""What the map draws, for either renderer: scene, labels, styles, framing, reported cells.

- :mod:`~corridors.render.scene`: the features of a view with names, counts and style;
- :mod:`~corridors.render.event_marks`: the events in range as marks, coloured by kind;
- :mod:`~corridors.render.labels`, :mod:`~corridors.render.styles`: names and colours;
- :mod:`~corridors.render.framing`: when the camera moves;
- :mod:`~corridors.render.reported_layer`: counts of reported events per cell of the view;
- :mod:`~corridors.render.protocol`: the :class:`MapRenderer` both renderers implement;
- :mod:`~corridors.render.registry`: the renderers by name (how to add one);
- :mod:`~corridors.render.deck` (deck.gl: pydeck layer specs and rows, the map component)
  and :mod:`~corridors.render.leaflet` (folium/Leaflet: builder, labels, standalone HTML):
  the two renderers, each with a ``renderer`` module implementing the protocol.

Imports no UI and no link state.
"""
