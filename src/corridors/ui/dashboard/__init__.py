"""The public dashboard: sidebar, map, lists and panels, presenter mode, exports."""
