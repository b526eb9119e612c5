"""The SQLite store, the archive's source of truth: the database and its
article rows (database.py), the rows of analyses (analysis_rows.py) and of
stories (story_rows.py)."""
