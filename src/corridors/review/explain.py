"""Why the engine proposed a draft's date and kind, in the editor's language.

The engine writes its reasons in English into the draft (``date_reason``, ``kind_reason``:
what ``corridors ingest`` prints); the draft also keeps which rule picked the date, the date
candidates and the kinds' weights, and the editor explains them from these in the page's
language. A draft written before these were kept shows the engine's English reason.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from corridors.i18n import Translator


def why_date(info: Mapping[str, Any], picked: str, translate: Translator) -> str:
    """Why the draft's date is ``picked`` (the date the engine proposed, ``-`` when none)."""
    rule = info.get("date_rule")
    if rule in ("published", "none"):
        return translate(f"editor.why_date.{rule}")
    candidate = _candidate(info, picked)
    if rule != "sentence" or candidate is None:
        return str(info.get("date_reason") or "")
    return translate(
        "editor.why_date.sentence",
        precision=translate(f"editor.precision_option.{candidate['precision']}"),
        words=str(candidate["text"]),
        how=found_as(str(candidate["how"]), translate),
    )


def why_kind(info: Mapping[str, Any], translate: Translator) -> str:
    """Which keywords decided the kind, and how much each kind weighed."""
    weights = info.get("kind_weights")
    if not weights:
        if info.get("kind_weights") is None:  # an older draft
            return str(info.get("kind_reason") or "")
        return translate("editor.why_kind.none")
    found = translate.join_list(
        translate("editor.why_kind.weight", kind=translate(f"kinds.{kind}"), weight=weight)
        for kind, weight in weights.items()
    )
    return translate("editor.why_kind.weights", found=found)


def found_as(how: str, translate: Translator) -> str:
    """How a date candidate was read (written, relative, weekday), in the page's language."""
    return translate(f"editor.how.{how}")


def _candidate(info: Mapping[str, Any], picked: str) -> Mapping[str, Any] | None:
    for entry in info.get("dates") or ():
        if isinstance(entry, Mapping) and str(entry.get("date")) == picked:
            return entry
    return None
