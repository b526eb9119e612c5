"""The SQLite store, the archive's source of truth: the Store and its article
rows (database.py), the rows it holds for analyses (analysis_rows.py) and
stories (story_rows.py), its tables and migrations (tables.py), and how its
file is opened (connection.py)."""
