"""Server-rendered SVG maps (samen/places/maps.py)."""

from types import SimpleNamespace

from samen.places.maps import WIDTH, draw_map

SQUARE = {
    "type": "Polygon",
    "coordinates": [[[4.40, 51.20], [4.42, 51.20], [4.42, 51.22], [4.40, 51.22], [4.40, 51.20]]],
}
TWO_SQUARES = {
    "type": "MultiPolygon",
    "coordinates": [
        [[[4.42, 51.20], [4.44, 51.20], [4.44, 51.22], [4.42, 51.20]]],
        [[[4.44, 51.20], [4.46, 51.20], [4.46, 51.22], [4.44, 51.20]]],
    ],
}


def test_no_boundary_no_map():
    assert draw_map([SimpleNamespace(boundary=None)]) is None
    assert draw_map([]) is None


def test_places_share_one_canvas_of_the_fixed_width():
    west, east = SimpleNamespace(boundary=SQUARE), SimpleNamespace(boundary=TWO_SQUARES)
    drawn = draw_map([west, east, SimpleNamespace(boundary=None)])
    assert drawn.width == WIDTH
    # A degree of longitude is shorter than one of latitude at Antwerp: the map is squeezed.
    assert drawn.height > WIDTH / 3 * 0.6 and drawn.height < WIDTH
    assert [shape.place for shape in drawn.shapes] == [west, east]
    assert drawn.shapes[0].path.startswith("M0.0,")
    assert drawn.shapes[1].path.count("M") == 2
    assert drawn.shapes[0].label_x < drawn.shapes[1].label_x
