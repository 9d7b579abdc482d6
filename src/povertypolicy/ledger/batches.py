"""A ledger file read in batches (Parquet or CSV), for `run_chunked()`; 分批读取."""

from __future__ import annotations

from collections.abc import Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from ..errors import InputError
from . import arrays

__all__ = ["Cursor", "Source"]

_OBJ = "ledger.run_chunked"


class Source:
    """One ledger file read in batches of about ``batch_rows`` rows (Parquet or CSV)."""

    def __init__(self, path: Path, name: str, batch_rows: int) -> None:
        suffix = path.suffix.lower()
        if not path.is_file():
            raise InputError(
                obj=_OBJ,
                field=name,
                value=str(path),
                expected="an existing .parquet or .csv file",
                code="ledger.error.no_file",
            )
        if suffix not in {".parquet", ".csv", ".txt"}:
            raise InputError(
                obj=_OBJ,
                field=name,
                value=str(path),
                expected="an existing .parquet or .csv file",
                code="ledger.error.file_type",
                extra={"suffixes": [".parquet", ".csv"]},
            )
        self.name = name
        self.path = path
        self.csv = suffix != ".parquet"
        self.batch_rows = max(1, batch_rows)

    def schema(self) -> pa.Schema:
        if self.csv:
            names = self._scan().collect_schema().names()
            return pa.schema([(n, pa.large_string()) for n in names])
        return pq.read_schema(self.path)

    def num_rows(self) -> int | None:
        return None if self.csv else int(pq.ParquetFile(self.path).metadata.num_rows)

    def _scan(self) -> Any:
        import polars as pl

        # The same reader and options as a whole run's (frames.read_path): cells as text.
        return pl.scan_csv(self.path, infer_schema=False, encoding="utf8-lossy")

    def batches(self, columns: list[str] | None = None) -> Iterator[pa.Table]:
        if self.csv:
            lazy = self._scan() if columns is None else self._scan().select(columns)
            for frame in lazy.collect_batches(chunk_size=self.batch_rows):
                yield frame.to_arrow()
            return
        file = pq.ParquetFile(self.path)
        for batch in file.iter_batches(batch_size=self.batch_rows, columns=columns):
            yield pa.Table.from_batches([batch])


class Cursor:
    """Rows of a source not handed out yet (the next batch is read ahead in a thread)."""

    def __init__(self, source: Source, pool: ThreadPoolExecutor) -> None:
        self._it = source.batches()
        self._pool = pool
        self._next: Future[pa.Table | None] = pool.submit(next, self._it, None)
        self._empty = arrays.empty_table(source.schema())
        self.parts: list[pa.Table] = []
        self.rows = 0
        self.start = 0  # 0-based file row of the first row in the buffer
        self.done = False

    def pull(self) -> bool:
        """Take in the batch read ahead; False at the end of the file."""
        if self.done:
            return False
        part = self._next.result()
        if part is None:
            self.done = True
            return False
        self._next = self._pool.submit(next, self._it, None)
        self.parts.append(part)
        self.rows += part.num_rows
        return True

    def buffer(self) -> pa.Table:
        """The rows read and not handed out yet, as one table."""
        if not self.parts:
            return self._empty
        if len(self.parts) > 1:
            self.parts = [pa.concat_tables(self.parts)]
        return self.parts[0]

    def take(self, n: int) -> pa.Table:
        """The next ``n`` rows (fewer at the end of the file)."""
        while self.rows < n and self.pull():
            pass
        buf = self.buffer()
        n = min(n, self.rows)
        head, rest = buf.slice(0, n), buf.slice(n)
        self.parts = [rest] if rest.num_rows else []
        self.rows -= n
        self.start += n
        return head
