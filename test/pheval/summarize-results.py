"""Reads PhEval's standardized results (parquet) of one run, validates each against PhEval's own
result schemas and prints, per case and analysis, the columns, the number of rows and the
true-positive rows as JSON (for test/pheval/pheval-runner.spec.ts)."""

import json
import sys
from pathlib import Path

import polars as pl
from pheval.post_processing.validate_result_format import ResultSchema

SCHEMAS = {"gene": ResultSchema.GENE_RESULT_SCHEMA, "variant": ResultSchema.VARIANT_RESULT_SCHEMA, "disease": ResultSchema.DISEASE_RESULT_SCHEMA}

out = Path(sys.argv[1])
summary: dict = {}
for kind, schema in SCHEMAS.items():
    for file in sorted((out / f"pheval_{kind}_results").glob("*.parquet")):
        df = pl.read_parquet(file)
        schema.validate(df)  # raises on a missing column or a wrong type
        case = file.name.removesuffix(f"-{kind}_result.parquet")
        summary.setdefault(case, {})[kind] = {
            "columns": df.columns,
            "rows": df.height,
            "truePositives": df.filter(pl.col("true_positive")).drop("true_positive").to_dicts(),
        }
print(json.dumps(summary))
