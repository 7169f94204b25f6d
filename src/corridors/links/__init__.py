"""What a link says: the view state and its URL form, and story steps as views.

- :mod:`~corridors.links.view_state`: :class:`ViewState` <-> query parameters (pure);
- :mod:`~corridors.links.stories`: story steps resolved to view states, checked like links;
- :mod:`~corridors.links.feed`: an Atom feed of a view (its events and corrections).
"""
