import pytest

from corridors.core import settings
from corridors.geo.camera import Camera, camera_extent, fit_bounds


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


@pytest.mark.parametrize("camera", [Camera(39.5, 46.2, 7.9), Camera(40.3, 46.5, 6.4)])
def test_a_cameras_extent_is_what_fitting_it_shows_again(camera: Camera) -> None:
    """A story step's camera becomes the box it frames; fitted to the same map, the same view."""
    west, south, east, north = camera_extent(camera, width=920, height=690)
    assert west < camera.lon < east
    assert south < camera.lat < north
    again = fit_bounds((west, south, east, north), width=920, height=690, padding=0)
    assert again == camera
    wider = camera_extent(camera, width=1840, height=690)
    assert wider[2] - wider[0] == pytest.approx(2 * (east - west))
