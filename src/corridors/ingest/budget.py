"""A time budget for reading one article: past it, a clear error instead of a wait.

Every step of a proposal is linear in the article's length, so the budget is checked
between steps: a proposal ends, or fails with :class:`OverBudgetError`, at most one step
after the budget runs out. The editor's Propose button runs inside the server, where a
thread cannot be interrupted (signals reach only the main thread), hence checks rather
than an alarm.
"""

from __future__ import annotations

import time

from corridors.core.errors import CorridorsError


class OverBudgetError(CorridorsError):
    """Reading an article took longer than its budget; the message names the article."""


class Budget:
    """``seconds`` of wall-clock time for reading the article ``name``, from now."""

    def __init__(self, name: str, seconds: float, setting: str) -> None:
        self.name = name
        self.seconds = seconds
        self.setting = setting
        self._started = time.monotonic()

    def check(self, step: str) -> None:
        """Raise :class:`OverBudgetError` if the budget ran out (``step`` says where).

        Raises
        ------
        OverBudgetError
            Past the budget.

        """
        spent = time.monotonic() - self._started
        if spent > self.seconds:
            raise OverBudgetError(
                f"{self.name}: gave up after {spent:.1f} s while {step}, past the "
                f"{self.seconds:g} s allowed for one article (settings.{self.setting}); "
                "an article this long or this repetitive is not a news article: keep only "
                "the article's own text"
            )
