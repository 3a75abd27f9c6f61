"""Store backends behind one protocol; ``open_store`` picks one from the settings."""

from __future__ import annotations

from graph.settings import Settings
from graph.store.base import GraphStore


def open_store(settings: Settings) -> GraphStore:
    """The configured store. Neo4j is imported only when asked for."""
    if settings.diplograph_store == "neo4j":
        from graph.store.neo4j import Neo4jStore

        return Neo4jStore.from_settings(settings)
    from graph.store.embedded import EmbeddedStore

    return EmbeddedStore.open(settings.diplograph_data_dir)


__all__ = ["GraphStore", "open_store"]
