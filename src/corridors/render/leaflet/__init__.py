"""The Leaflet renderer (folium): feature groups, collision-placed labels, standalone HTML."""
