"""A corpus's routes: movement reports merged by origin, destination and category.

Reads a batch output's movements table one row group at a time, so the corpus map costs memory
in the number of distinct routes, never in the number of reports; the page then keeps the
busiest routes only (MAX_ROUTES), whatever the corpus.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

MAX_ROUTES = 300


@dataclass
class Route:
    origin: str
    destination: str
    origin_name: str
    destination_name: str
    category: str
    reports: int = 0
    undated: int = 0
    months: Counter = field(default_factory=Counter)  # "YYYY-MM" of the report's date (else the document's)
    documents: set = field(default_factory=set)
    line: bytes | None = None  # WKB of the great-circle arc
    quantity: float = 0.0


def is_batch_output(path: str | Path) -> bool:
    p = Path(path)
    return p.is_dir() and (p / "summary.json").is_file() and (p / "movements.parquet").is_file()


def category(what: str | None) -> str:
    """The mover's word as written, lower-cased: one route per kind of mover."""
    return (what or "").strip().lower() or "unspecified"


def routes(out_dir: str | Path, limit: int = MAX_ROUTES) -> tuple[list[Route], int]:
    """The busiest ``limit`` routes of a batch output, and the number of reports drawn from."""
    import pyarrow.parquet as pq

    pf = pq.ParquetFile(Path(out_dir) / "movements.parquet")
    cols = ["doc_id", "doc_date", "origin", "destination", "origin_name", "destination_name",
            "what", "date", "quantity_value", "geometry"]
    found: dict[tuple[str, str, str], Route] = {}
    total = 0
    for batch in pf.iter_batches(batch_size=8192, columns=cols):
        for r in batch.to_pylist():
            if r["geometry"] is None:
                continue  # one end unknown: nothing to draw
            total += 1
            key = (r["origin"], r["destination"], category(r["what"]))
            rt = found.get(key)
            if rt is None:
                rt = found[key] = Route(r["origin"], r["destination"], r["origin_name"],
                                        r["destination_name"], key[2], line=r["geometry"])
            rt.reports += 1
            rt.documents.add(r["doc_id"])
            rt.quantity += r["quantity_value"] or 0.0
            when = _month(r["date"]) or _month(r["doc_date"])
            if when:
                rt.months[when] += 1
            else:
                rt.undated += 1
    ranked = sorted(found.values(), key=lambda rt: (-rt.reports, rt.origin_name or "", rt.destination_name or "",
                                                    rt.category))
    return ranked[:limit], total


def _month(date: str | None) -> str | None:
    """"2024-10" from "2024-10-18", "2024-10" or a range's start ("2023-08/2024-10-18")."""
    if not date:
        return None
    d = date.split("/")[0]
    return d[:7] if len(d) >= 7 and d[4] == "-" else None
