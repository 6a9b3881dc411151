"""Grade a DuckDB table in place with opinipp.columns: zones, gaps and provincial ranks in SQL.

    python examples/columns_duckdb.py [FILE]

Default: examples/data/sultra_2022.csv (scores written "69,17"). The table is read by DuckDB,
graded by expressions that run inside DuckDB (the same rule tables and exact bounds as
opinipp.classify), and written back as a table that plain SQL then queries.
"""

from __future__ import annotations

import sys
from pathlib import Path

import duckdb

from opinipp import columns

DEFAULT_FILE = Path(__file__).parent / "data" / "sultra_2022.csv"


def main(argv: list[str]) -> None:
    path = Path(argv[0]) if argv else DEFAULT_FILE
    con = duckdb.connect()
    con.execute(
        "CREATE TABLE results AS SELECT * FROM read_csv(?, all_varchar = true)", [str(path)]
    )
    con.execute("ALTER TABLE results ALTER year TYPE INTEGER")
    graded = columns.grade(con.table("results"))
    graded = columns.rank(graded, "provincial")
    con.register("graded", graded)
    con.execute("CREATE OR REPLACE TABLE results AS SELECT * FROM graded")
    query = """
        SELECT rank, of, entity, score, category, zone, points, target
        FROM results ORDER BY rank, entity
    """
    for row in con.sql(query).fetchall():
        rank, of, entity, score, category, zone, points, target = row
        place = "not ranked" if rank is None else f"{rank} of {of}"
        print(f"{place}: {entity} {score}, {category} ({zone}), {points:.2f} to {target}")


if __name__ == "__main__":
    main(sys.argv[1:])
