r"""Make text from an article safe to store and print: no bidi overrides, no control codes.

Bidi embedding, override and isolate characters (RLO and the like) can make printed text
read differently from what it holds; they and other control characters are removed
(line breaks and tabs stay, ``\\r\\n`` becomes ``\\n``). Right-to-left text needs none of
them: its direction comes from its letters.
"""

from __future__ import annotations

import re
from typing import Final

#: LRM, RLM, ALM, the embeddings and overrides (LRE ... RLO, PDF), the isolates (LRI ...
#: PDI), the byte-order mark and every C0/C1 control except tab and line feed.
_UNSAFE: Final = re.compile(
    "[\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069\ufeff\x00-\x08\x0b-\x1f\x7f-\x9f]"
)


def clean_text(text: str) -> str:
    r"""``text`` with Windows and old Mac line ends made ``\\n`` and unsafe characters removed."""
    return _UNSAFE.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))
