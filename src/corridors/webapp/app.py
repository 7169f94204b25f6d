"""Corridor Atlas: Streamlit entry point (thin: read state, call corridors, render)."""

from corridors.ui.dashboard.page import render

render()
