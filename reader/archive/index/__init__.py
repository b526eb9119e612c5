"""The Whoosh index, derived from the store: its schema (whoosh_schema.py), files
and writers (whoosh_index.py), upkeep in step with the store (upkeep.py), queries
(search.py, suggest.py, words.py) and NumPy scoring over Whoosh's own postings
(fast_search.py, postings.py; gated by whoosh_version.py, like whoosh_speedups.py)."""
