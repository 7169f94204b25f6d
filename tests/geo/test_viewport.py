import pytest

from corridors.core import settings
from corridors.geo.camera import fit_bounds


def test_a_box_is_centred() -> None:
    view = fit_bounds((44.0, 38.0, 48.0, 42.0))
    assert view.lon == pytest.approx(46.0)
    assert 39.9 < view.lat < 40.1  # Mercator: a little north of the box's mid-latitude


def test_smaller_boxes_zoom_in_and_points_are_capped() -> None:
    wide = fit_bounds((40.0, 37.0, 51.0, 43.5))
    narrow = fit_bounds((46.0, 38.8, 46.5, 39.1))
    assert narrow.zoom > wide.zoom + 2
    assert fit_bounds((46.2, 38.9, 46.2, 38.9)).zoom == settings.max_fit_zoom


def test_the_whole_box_fits_the_map() -> None:
    width = height = 560
    view = fit_bounds((40.0, 37.0, 51.0, 43.5), width=width, height=height)
    world = 256 * 2**view.zoom
    assert 11.0 / 360 * world <= width
