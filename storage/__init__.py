"""SQLAlchemy 2 models, engine and sessions, the unit of work, and migrations."""
