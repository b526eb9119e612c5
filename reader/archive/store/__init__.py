"""The SQLite store, the archive's source of truth: the Store and its article
rows (database.py), the rows it holds for analyses (analysis_rows.py), stories
(story_rows.py) and the index queue (index_queue_rows.py), its tables and
migrations (tables.py), and how its file is opened (connection.py)."""
