"""Curation: build the course's data package from the open sources (see each module)."""
