"""Settings: the coordinate reference system and every limit, in one place.

Nothing else hard-codes a CRS or a limit; change them here (or monkeypatch them in a test).
"""

from __future__ import annotations

from typing import Final

#: The CRS of every coordinate the atlas reads, stores and draws (WGS84 longitude/latitude).
default_crs: Final = "EPSG:4326"

#: Largest curated data file (YAML or GeoJSON) read, in bytes; the bundled ones are far below
#: 1 MB. Larger files are reported, not read: a big file would block every session's first load.
max_data_file_bytes: int = 2_000_000

#: Most vertices one boundary polygon may have (the largest bundled one has a few thousand).
max_geometry_vertices: int = 50_000

#: Deepest nesting of lists and mappings a data file may have (the bundled ones nest 7 deep).
max_nesting_depth: int = 32

#: Longest integer literal a data file may hold, in digits (Python refuses over 4,300).
max_integer_digits: int = 30

#: Longest piece of a data file quoted back in a problem message, in characters.
max_quoted_chars: int = 80

#: Longest problem message, in characters (a backstop: messages quote capped values only).
max_reason_chars: int = 500

#: Problems shown in the app's banner; the rest are counted (``corridors validate`` lists all).
max_banner_problems: int = 50

#: Width in pixels of the narrowest map column the default views are fitted to (a 390 px
#: phone less the page's side padding). A wider column shows more around the same view.
narrowest_map_width: int = 340

#: The map size, in CSS pixels, a story step's camera frames its feature for (presenter
#: mode's map at 1280 x 720); a larger screen shows a little more around it.
story_frame_width: int = 920
story_frame_height: int = 690

# --- Writers (corridors.core.locking) ---

#: Longest wait, in seconds, for the data directory's lock before a publish, or a draft being
#: saved or dropped, gives up (a publish holds it for the ~2 s its validation takes).
data_lock_timeout_s: float = 60.0

#: Longest wait, in seconds, for the import store's lock before an import or a removal gives
#: up (an import holds it from its check of the stored ids to its commit: ~25 s a million rows).
import_lock_timeout_s: float = 600.0

# --- Imported reported events (corridors import ...; the store under <data>/imports/) ---

#: A projected CRS in metres for the South Caucasus (UTM zone 38N, central meridian 45° E):
#: corridor buffers are measured in it. Its scale error over the atlas (40-51° E) is under
#: 0.2 %, i.e. under 20 m on a 10 km buffer.
metric_crs: Final = "EPSG:32638"

#: An imported event is linked to each corridor within this distance, in metres.
corridor_buffer_m: float = 10_000.0

#: Imported events are indexed by the H3 cell holding them at this resolution (cells of about
#: 0.1 km², edges of about 200 m); the map groups them into the cells of any coarser one.
stored_cell_resolution: Final = 9

#: Most bytes a zipped import may expand to; a larger member is refused (a zip bomb).
max_unzipped_bytes: int = 4 * 1024**3

#: Largest GeoJSON file ``corridors import geojson`` reads, in bytes (it is parsed whole).
max_geojson_import_bytes: int = 200_000_000

#: Rows parsed, validated, linked and written per step of an import (bounds its memory).
import_chunk_rows: int = 100_000

#: Characters of rows held per step of an import: a step ends at this many even before
#: :data:`import_chunk_rows` rows, so that rows near the limits below cannot add up to
#: gigabytes (a step of 50 million took about 500 MB resident at its peak; real GDELT rows,
#: about 600 characters, make steps of about 80,000 rows).
import_chunk_chars: int = 50_000_000

#: Longest line of an imported text file (ACLED CSV, GDELT export), and longest ACLED row
#: over however many lines its quoted fields span, in characters. A real row is far
#: shorter: a GDELT row is under 2,000 characters, an ACLED row with a long note about
#: 10,000. A line is held whole while it is parsed, at about 5.5 times its size (a 1 MB zip
#: holding one 1 GiB line took 5.6 GB), so a longer line is never held: ACLED's CSV, whose
#: quoted fields may span lines, is refused at that line or row; a GDELT line (no quoting)
#: is read in pieces and reported as a bad row. It is also the csv module's own limit on a
#: field.
max_import_line_chars: int = 131_072

#: Longest value of an imported field, in characters; a row with a longer one is a row
#: problem naming its line and field, and is not stored. ACLED's longest notes are a few
#: thousand characters and URLs rarely pass 2,000, while every stored value is sent whole to
#: each listing that shows it (a 60 MB GDELT source URL broke them: message size).
max_import_field_chars: int = 32_768

#: Problems of an import listed one by one (with file, line and column); the rest are counted.
max_import_problems_listed: int = 1_000

# --- Article ingest (corridors ingest ...; drafts under <data>/drafts/) ---

#: Largest article file ``corridors ingest`` reads (plain text or a saved HTML page), in bytes.
max_article_file_bytes: int = 5_000_000

#: Most article text, in UTF-8 bytes, kept after reading or extracting it from HTML.
max_article_text_bytes: int = 2_000_000

#: Wall-clock seconds allowed for proposing a draft from one article's text (features,
#: actors, dates, kind, evidence); past them ``corridors ingest`` and the editor's Propose
#: button stop with an error. Every step is linear: 2 MB of the most hostile text took at
#: most 5.4 s on a quiet 2-core machine and 7.7 s on a loaded one
#: (benchmarks/ingest_hostile.py), so every such article is proposed, not refused.
max_propose_seconds: float = 8.0

#: Wall-clock seconds allowed for extracting the text of a saved HTML page. The extractor
#: (trafilatura) runs in a child process that is stopped at the limit: on some shapes of
#: page (thousands of links or spans in one paragraph) it is slower than linear.
max_html_seconds: float = 5.0

#: Longest sentence quoted in a piece of evidence, in characters (the span is always whole).
max_evidence_chars: int = 300

#: Pieces of evidence kept per value (the first mentions of a feature, an actor ...).
max_evidence_per_value: int = 5

# --- The map's cells of reported events (corridors.render.reported_layer) ---

#: Most cells of reported events drawn at once: past it the cells are made coarser. Bounds
#: the map's payload whatever the number of events (a cell is about 250 bytes of spec).
max_map_cells: int = 1500

#: Narrowest a cell is drawn, in CSS pixels across: the finest H3 resolution whose cells are
#: at least this wide is chosen (the next finer one is about 2.6 times smaller), so cells are
#: 12-32 px across unless the store's finest cells are coarser still.
min_cell_px: float = 12.0

#: Narrowest a cell is drawn while the map plays: one H3 resolution coarser (about 7 times
#: fewer cells), so a frame stays light on the wire and in the browser (pause for detail).
playing_min_cell_px: float = 32.0

#: Share of the map's width and height added on every side of the view before its cells are
#: counted, so that a short pan shows cells already drawn.
map_cells_padding: float = 0.25

#: The width in CSS pixels assumed for a map whose real width the server does not know (the
#: deck.gl chart): the map column of a wide screen. A narrower map only counts a few more cells.
assumed_map_width: int = 1200

# --- Reported events beside the map (listings of a feature or a cell) ---

#: Reported events per page of a listing.
reported_page_size: int = 20

#: Characters of an imported note shown in a listing; a longer note is cut there (with an
#: ellipsis) and shown whole on request.
reported_note_chars: int = 200


# --- Links (corridors.links.view_state: what a URL may carry) ---

#: Longest value of one link parameter, in characters (a longer one is dropped with a notice).
max_link_value_length: int = 200

#: Longest search text a link carries (longer text is cut to this).
max_link_search_length: int = 100

#: Highest event-list page a link may ask for (the page shows the last one when it has fewer).
max_link_page: int = 10_000

#: Notices kept per link; the rest are counted in one ``NoticeKind.MORE`` notice.
max_link_notices: int = 10

#: Longest parameter name a notice quotes (a longer one is cut with "…").
max_notice_name_length: int = 30

#: Longest parameter value a notice quotes (a longer one is cut with "…").
max_notice_value_length: int = 60

#: Slowest and fastest playback a link may ask for, in days of data per second.
min_playback_speed: float = 0.01
max_playback_speed: float = 3653.0

#: Widest playback window a link may ask for, in days (ten years).
max_playback_window: int = 3653

# --- Browser tests (corridors.testing) ---

#: Tab presses a keyboard-only test may make to reach an element before it fails (the page
#: has a few dozen stops before the event list).
max_tab_presses: int = 200

# --- Playback (corridors.data.playback, corridors.ui.dashboard.playback) ---

#: Shortest time between two frames of a playing map, in milliseconds (a slower frame makes
#: the next one jump further: frames are dropped, not time).
playback_frame_ms: int = 250

#: Seconds a milestones playback holds on each milestone (long enough to read its title).
milestone_hold_seconds: float = 3.0

# --- The pages (corridors.ui) ---

#: Height in CSS pixels of the dashboard's map.
dashboard_map_height: int = 560

#: Height in CSS pixels of the editor's map (the article text beside it is 60 px taller).
editor_map_height: int = 420

#: Closest zoom a fitted view may have: a single point or a tiny feature is framed at this
#: zoom, not at the tile pyramid's deepest level.
max_fit_zoom: float = 11.0

#: Curated events per page of the dashboard's event list.
events_page_size: int = 8

#: Data problems listed in the dashboard's banner itself; the rest, up to
#: :data:`max_banner_problems`, sit in an expander under it.
banner_problems_open: int = 5

#: Further matches of a find-by-name offered as buttons (the first one is selected).
more_found_shown: int = 5

#: Problems of an unreadable draft quoted in the dashboard's drafts list (the rest are counted).
draft_problems_quoted: int = 3

#: Source rows the editor shows for a draft that has none yet.
editor_empty_source_rows: int = 1

#: Height in CSS pixels of one row (one event kind) of the timeline chart.
timeline_row_px: int = 30

#: Height in CSS pixels of the timeline chart's date axis.
timeline_axis_px: int = 40

#: Columns of the timeline chart's colour key.
timeline_legend_columns: int = 3

#: Height in CSS pixels of one row of the timeline chart's colour key.
timeline_legend_row_px: int = 22

#: Height in CSS pixels of a provision's status history chart (four levels, axis, key).
status_chart_px: int = 150

# --- Caches shared by every session (corridors.core.cache) ---

#: Data directories whose catalogue and store are held at once (one in production; tests
#: open a few).
cached_data_dirs: int = 4

#: Map scenes held at once (each a few hundred KB): filters x selections x languages.
cached_scenes: int = 64

#: Numbers kept formatted per language (a map of imported events writes a count per cell,
#: every frame of a playback).
cached_numbers: int = 4096

#: Areas whose label points (pole of inaccessibility, points well inside) are kept: every
#: region and country drawn, at each of its shapes.
cached_label_areas: int = 512

#: Drafts folders whose drafts are held at once (one in production; tests open a few).
cached_drafts_dirs: int = 8

# --- Article ingest, continued ---

#: Fewest words of a line taken as the title of a plain-text article.
min_title_words: int = 3

#: Most characters of a line taken as the title of a plain-text article.
max_title_chars: int = 200

#: Days after an article's publication date that a day and month it mentions without a year
#: may fall in the same year; later, it is taken as the year before.
future_date_slack_days: int = 31

# --- Exported playback (corridors.render.animation; corridors export playback) ---

#: Size in pixels of an exported animation's frames (a 16:9 slide), and of the page's own
#: (smaller: a GIF is held whole in memory while it is written, about a byte per pixel per
#: frame).
animation_width: int = 1280
animation_height: int = 720
page_animation_width: int = 960
page_animation_height: int = 540

#: The frame height at which lines, dots and text are drawn at their size on screen (as in
#: presenter mode's 1280 x 720 map); in proportion in a smaller or larger frame.
animation_scale_height: int = 720

#: Frames a second of an exported animation.
animation_fps: float = 8.0

#: Most frames one animation may have: a longer play is refused with the limit named (a
#: faster speed, a shorter range or fewer frames a second make fewer).
max_animation_frames: int = 600

#: Most frames an animation made on the public page may have (30 s at 8 frames a second):
#: one is made at a time per process, in memory, so a visitor cannot hold much of either.
max_page_animation_frames: int = 240

#: Height of the caption band under the map (the date, the milestone), in pixels at
#: :data:`animation_scale_height`.
animation_caption_height: int = 84

#: Each frame is drawn this many times larger and scaled down, which smooths its edges.
animation_supersample: int = 2

#: The least important names written on an exported frame (label ranks run 0 to 9: 5 keeps
#: capitals, countries, cities, towns, provinces and corridors; the rest would crowd a slide).
animation_label_rank: int = 5
