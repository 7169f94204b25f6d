"""axe-core's accessibility checks on a page in Playwright, its frames included.

axe-core is the npm package pinned in ``frontend/deck-map/package.json`` (a development
dependency; ``make test`` installs it with ``npm ci``), injected into the page from that
local file: nothing is fetched at run time.

Streamlit draws components in iframes (the deck.gl map, streamlit-folium's Leaflet map, the
page-direction script). axe checks a frame only when axe itself runs in it, so the script is
added to every frame of the page and axe runs once from the top frame with ``iframes: true``:
it checks each frame through the copy in it and reports one combined result, an element in a
frame named by the frame's selector followed by the element's.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final

from playwright.sync_api import Page

#: The source checkout's copy of axe-core (``npm ci`` in ``frontend/deck-map``).
AXE_SCRIPT: Final = (
    Path(__file__).resolve().parents[3]
    / "frontend"
    / "deck-map"
    / "node_modules"
    / "axe-core"
    / "axe.min.js"
)
#: The rules of WCAG 2.0 and 2.1 at levels A and AA.
WCAG_21_AA: Final = ("wcag2a", "wcag2aa", "wcag21a", "wcag21aa")
#: How many elements of one violation a report names.
TARGETS_SHOWN: Final = 3

_RUN: Final = """([include, exclude, tags]) => axe.run(
    {include: include, exclude: exclude},
    {runOnly: {type: "tag", values: tags}, iframes: true, resultTypes: ["violations"]}
).then(results => results.violations.map(v => ({
    id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl,
    targets: v.nodes.map(node => node.target.map(String).join(" >> ")),
})))"""


@dataclass(frozen=True)
class Violation:
    """One axe rule that failed: its id, impact, help, and the elements that fail it.

    Attributes
    ----------
    rule
        The rule's id (``color-contrast``).
    impact
        ``minor``, ``moderate``, ``serious`` or ``critical``.
    help
        What the rule asks for, in a sentence.
    help_url
        Deque's page on the rule.
    targets
        Selectors of the failing elements; one in a frame is the frame's selector, ``>>``
        and the element's selector in it.

    """

    rule: str
    impact: str
    help: str
    help_url: str
    targets: tuple[str, ...]


def inject_axe(page: Page, script: Path = AXE_SCRIPT) -> None:
    """Add axe-core to every frame of ``page`` that does not have it yet."""
    if not script.is_file():
        raise FileNotFoundError(
            f"{script} is missing: axe-core is a development dependency of frontend/deck-map; "
            "install it with `make frontend/deck-map/node_modules/.installed` (npm ci)"
        )
    for frame in page.frames:
        if frame.is_detached() or frame.evaluate("() => typeof window.axe === 'object'"):
            continue
        frame.add_script_tag(path=script)


def audit(
    page: Page,
    include: str = "html",
    *,
    exclude: Sequence[str] = (),
    tags: Sequence[str] = WCAG_21_AA,
) -> list[Violation]:
    """The violations of the rules tagged ``tags`` in the part of ``page`` under ``include``.

    ``include`` and ``exclude`` are CSS selectors in the top frame; the frames inside
    ``include`` are checked too.
    """
    inject_axe(page)
    found: list[dict[str, Any]] = page.evaluate(
        _RUN, [[[include]], [[selector] for selector in exclude], list(tags)]
    )
    return [
        Violation(
            rule=item["id"],
            impact=str(item["impact"]),
            help=item["help"],
            help_url=item["helpUrl"],
            targets=tuple(item["targets"]),
        )
        for item in found
    ]


def describe(violations: Sequence[Violation]) -> str:
    """One line per violation: rule, impact, help and the first elements that fail it."""
    lines = []
    for violation in violations:
        shown = ", ".join(violation.targets[:TARGETS_SHOWN])
        more = len(violation.targets) - TARGETS_SHOWN
        rest = f" and {more} more" if more > 0 else ""
        lines.append(
            f"{violation.rule} ({violation.impact}): {violation.help} [{violation.help_url}]"
            f" at {shown}{rest}"
        )
    return "\n".join(lines)


def assert_accessible(
    page: Page, include: str = "html", *, exclude: Sequence[str] = (), where: str = "the page"
) -> None:
    """Fail, listing what to fix, when axe finds a WCAG 2.1 AA violation under ``include``."""
    violations = audit(page, include, exclude=exclude)
    assert not violations, (
        f"axe-core found {len(violations)} WCAG 2.1 AA violation(s) on {where}:\n"
        + describe(violations)
    )
