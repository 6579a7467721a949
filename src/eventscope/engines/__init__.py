"""Ways to run extraction at scale.

- `local`: a process pool on one machine (`extract_parallel`), used by
  `eventscope extract/ingest --workers N`.
- `spark`: PySpark, for a cluster (`run_spark`, and `python -m eventscope.engines.spark`
  for spark-submit).
"""
