"""Parse the text of a curated data file (YAML or JSON) into plain values, or say why not.

Both parsers bound what a hostile file can cost: no YAML aliases or anchors (a chain of
them multiplies a tiny file into gigabytes), no nesting deeper than
:data:`settings.max_nesting_depth`, no integer longer than
:data:`settings.max_integer_digits`. YAML dates stay text, so that an impossible date is a
problem of its record and field rather than a failure of the whole file.
"""

from __future__ import annotations

import json
import re
from typing import Any, NoReturn

import yaml
from yaml.events import AliasEvent
from yaml.nodes import Node, ScalarNode

from corridors.core import settings
from corridors.core.errors import Problem, ProblemKind, quote


class _Refused(yaml.MarkedYAMLError):
    """A YAML feature or size that data files may not use."""


class _DataLoader(yaml.SafeLoader):
    """A safe YAML loader that refuses aliases, deep nesting and huge integers."""

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self._depth = 0

    def compose_node(self, parent: Node | None, index: int) -> Node | None:
        event = self.peek_event()  # type: ignore[no-untyped-call]
        if isinstance(event, AliasEvent) or getattr(event, "anchor", None) is not None:
            raise _Refused(
                problem="anchors and aliases are not allowed in data files",
                problem_mark=event.start_mark,
            )
        self._depth += 1
        if self._depth > settings.max_nesting_depth:
            raise _Refused(problem=_too_deep(), problem_mark=event.start_mark)
        try:
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1

    def construct_yaml_int(self, node: ScalarNode) -> int:
        digits = sum(character.isdigit() for character in node.value)
        if digits > settings.max_integer_digits:
            raise _Refused(problem=_too_long(digits), problem_mark=node.start_mark)
        return super().construct_yaml_int(node)


_DataLoader.add_constructor("tag:yaml.org,2002:int", _DataLoader.construct_yaml_int)
_DataLoader.yaml_implicit_resolvers = {
    first: [(tag, pattern) for tag, pattern in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def parse_yaml(text: str, filename: str) -> Any | Problem:
    """The YAML document in ``text`` as plain values, or the problem that stops it."""
    loader = _DataLoader(text)
    try:
        return loader.get_single_data()
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        reason = " ".join(str(error.problem or error.context or "").split())
        kind = ProblemKind.REFUSED_SYNTAX if isinstance(error, _Refused) else ProblemKind.UNREADABLE
        if not isinstance(error, _Refused):
            reason = f"not valid YAML: {reason}"
        line, column = (mark.line + 1, mark.column + 1) if mark is not None else (None, None)
        return Problem(filename, None, None, kind, reason, line=line, column=column)
    except yaml.YAMLError as error:
        return Problem(
            filename, None, None, ProblemKind.UNREADABLE, f"not valid YAML: {quote(str(error))}"
        )
    finally:
        loader.dispose()


def parse_json(text: str, filename: str) -> Any | Problem:
    """The JSON document in ``text`` as plain values, or the problem that stops it."""
    too_deep = _deep_offset(text)
    if too_deep is not None:
        return _refused(filename, _too_deep(), text, too_deep)
    try:
        return json.loads(text, parse_int=_bounded_int, parse_constant=_no_constant)
    except json.JSONDecodeError as error:
        return Problem(
            filename,
            None,
            None,
            ProblemKind.UNREADABLE,
            f"not valid JSON: {error.msg}",
            line=error.lineno,
            column=error.colno,
        )
    except _RefusedLiteralError as error:
        return _refused(filename, str(error), text, text.find(error.literal))


class _RefusedLiteralError(ValueError):
    def __init__(self, literal: str, reason: str) -> None:
        super().__init__(reason)
        self.literal = literal


def _bounded_int(literal: str) -> int:
    digits = len(literal.lstrip("-"))
    if digits > settings.max_integer_digits:
        raise _RefusedLiteralError(literal, _too_long(digits))
    return int(literal)


def _no_constant(literal: str) -> NoReturn:
    raise _RefusedLiteralError(literal, f"{literal} is not a JSON number")


def _too_deep() -> str:
    return f"nested more than {settings.max_nesting_depth} levels deep"


def _too_long(digits: int) -> str:
    return f"an integer of {digits:,} digits (at most {settings.max_integer_digits})"


_BRACKET_OR_STRING = re.compile(r'"(?:[^"\\]|\\.)*"|[\[\]{}]')


def _deep_offset(text: str) -> int | None:
    """Offset of the first bracket nested deeper than the limit, or ``None``."""
    depth = 0
    for match in _BRACKET_OR_STRING.finditer(text):
        bracket = match.group()
        if bracket in "[{":
            depth += 1
            if depth > settings.max_nesting_depth:
                return match.start()
        elif bracket in "]}":
            depth -= 1
    return None


def _refused(filename: str, reason: str, text: str, offset: int) -> Problem:
    """A refused construct at ``offset`` of ``text``, with its 1-based line and column."""
    before = text[: max(offset, 0)]
    line = before.count("\n") + 1
    column = len(before) - (before.rfind("\n") + 1) + 1
    return Problem(
        filename, None, None, ProblemKind.REFUSED_SYNTAX, reason, line=line, column=column
    )
