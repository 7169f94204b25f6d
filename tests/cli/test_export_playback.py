"""``corridors export playback``: the animation written, and clear errors for bad options."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import av
import pytest
from PIL import Image

from corridors.cli.main import main
from corridors.core import settings
from corridors.data.catalog import Catalog
from corridors.data.playback import SPEEDS, Playback
from corridors.data.timeline import DateRange
from corridors.render.animation import AnimationRequest, plan

AUTUMN = ["--from", "2025-09-01", "--to", "2025-10-31"]


@pytest.fixture(autouse=True)
def _small_frames(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(settings, "animation_width", 320)
    monkeypatch.setattr(settings, "animation_height", 180)


def test_a_gif_of_the_playback_is_written_with_a_frame_per_day_played(
    tmp_path: Path, catalog: Catalog, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "play.gif"
    args = ["export", "playback", str(out), *AUTUMN, "--speed", "week", "--fps", "2"]
    assert main([*args, "--lang", "ar"]) == 0
    span = DateRange(dt.date(2025, 9, 1), dt.date(2025, 10, 31))
    count = len(plan(catalog, AnimationRequest(Playback(speed=SPEEDS["week"]), span, fps=2)))
    with Image.open(out) as gif:
        assert (gif.n_frames, gif.size, gif.info["duration"]) == (count, (320, 180), 500)
    captured = capsys.readouterr()
    assert f"drawing frame {count}/{count}" in captured.err
    assert f"wrote {out}" in captured.out
    assert list(tmp_path.iterdir()) == [out]  # written atomically: no temporary file left


def test_an_mp4_of_a_milestones_play_is_written(tmp_path: Path) -> None:
    out = tmp_path / "play.mp4"
    args = ["export", "playback", str(out), *AUTUMN, "--mode", "milestones", "--fps", "1"]
    assert main(args) == 0
    with av.open(io.BytesIO(out.read_bytes())) as video:
        sizes = [frame.to_image().size for frame in video.decode(video=0)]
    assert sizes
    assert set(sizes) == {(320, 180)}


@pytest.mark.parametrize(
    ("option", "said"),
    [
        (["--speed", "fast"], "'fast' is not a speed: use one of day, week, month, quarter"),
        (["--speed", "-3"], "'-3' is not a speed"),
        (["--mode", "backwards"], "invalid PlayMode value: 'backwards'"),
        (["--window", "0"], "'0' is not a whole number of days"),
        (["--fps", "nan"], "'nan' is not a positive number"),
    ],
)
def test_a_bad_option_is_refused_by_name(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], option: list[str], said: str
) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["export", "playback", str(tmp_path / "play.gif"), *option])
    assert exit_.value.code == 2
    assert said in capsys.readouterr().err


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (["--speed", "day", "--fps", "30"], "more than the limit of 600"),
        (["--agreement", "nothing"], "--agreement 'nothing' is not an agreement; known: "),
        (["--from", "2025-10-01", "--to", "2025-09-01"], "--from 2025-10-01 is after --to"),
    ],
)
def test_a_play_that_cannot_be_made_is_refused_and_nothing_written(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], args: list[str], said: str
) -> None:
    out = tmp_path / "play.gif"
    assert main(["export", "playback", str(out), *AUTUMN[:2], *args]) == 2
    assert said in capsys.readouterr().out.replace("\n", " ")
    assert not out.exists()


def test_too_many_frames_suggests_a_faster_speed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["export", "playback", str(tmp_path / "a.gif"), "--speed", "day"]) == 2
    said = capsys.readouterr().out.replace("\n", " ")
    assert "(settings.max_animation_frames): choose a faster speed" in said


def test_the_file_kind_comes_from_the_suffix(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["export", "playback", str(tmp_path / "play.avi"), *AUTUMN]) == 2
    assert "an animation is written as a .gif or an .mp4 file" in capsys.readouterr().out


def test_playback_options_are_refused_with_another_format(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["export", "csv", str(tmp_path / "e.csv"), "--speed", "week", "--fps", "4"]) == 2
    said = capsys.readouterr().out
    assert "--speed, --fps only apply to `corridors export playback`" in said
    assert not (tmp_path / "e.csv").exists()
