"""Recomputing the feature links of stored batches (``corridors relink``).

Each batch whose links change is rewritten whole, under its own name, with the same rows,
columns and footer record: written to a hidden temporary file, flushed, then renamed over
the batch. Every temporary file is written before the first rename, so a failure while
links are computed or written changes nothing; an interruption during the renames leaves
each batch either as it was or relinked (both valid stores), and running the command
again finishes it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from corridors.core.files import open_regular
from corridors.reported.store.writing import publish

#: Key-value metadata Arrow writes itself (the schema); not copied by hand.
_ARROW_KEY = b"ARROW:schema"


def relink_batches(batches: Sequence[Path], links: Callable[[pa.Table], pa.ListArray]) -> int:
    """Give the rows of ``batches`` the links ``links`` computes; return how many changed."""
    staged: list[tuple[Path, Path]] = []
    changed = 0
    try:
        for path in batches:
            temporary = path.with_name(f".{path.name}.relink.tmp")
            count = _stage(path, temporary, links)
            if count:
                staged.append((temporary, path))
                changed += count
        for temporary, path in staged:
            publish(temporary, path)
    finally:
        for temporary, _ in staged:
            temporary.unlink(missing_ok=True)
    return changed


def _stage(path: Path, temporary: Path, links: Callable[[pa.Table], pa.ListArray]) -> int:
    """Write ``path`` relinked to ``temporary`` if a row's links change; how many do."""
    with open_regular(path) as stream:
        footer = pq.read_metadata(stream)
        table = pq.read_table(stream)
    old = table.column("features").to_pylist()
    new = links(table).to_pylist()
    count = sum(1 for before, after in zip(old, new, strict=True) if before != after)
    if count:
        metadata = {
            key: value for key, value in (footer.metadata or {}).items() if key != _ARROW_KEY
        }
        index = table.schema.get_field_index("features")
        relinked = table.set_column(
            index, table.schema.field(index), pa.array(new, type=pa.list_(pa.string()))
        )
        try:
            pq.write_table(
                relinked.replace_schema_metadata(metadata), temporary, compression="zstd"
            )
        except BaseException:
            temporary.unlink(missing_ok=True)
            raise
    return count
