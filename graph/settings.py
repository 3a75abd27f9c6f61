"""Configuration from environment variables, read once into one validated object."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Literal, Self

from pydantic import Field, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from graph.errors import ConfigError


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="", case_sensitive=False, extra="ignore")

    diplograph_store: Literal["embedded", "neo4j"] = "embedded"
    diplograph_data_dir: Path = Path(".diplograph")
    diplograph_api_key: str | None = None
    diplograph_max_body_bytes: int = Field(default=2 * 1024 * 1024, gt=0)
    diplograph_cors_origins: str = ""  # comma-separated
    neo4j_uri: str | None = None
    neo4j_user: str = "neo4j"
    neo4j_password: str | None = None
    neo4j_database: str = "neo4j"

    @model_validator(mode="after")
    def _check_neo4j(self) -> Self:
        if self.diplograph_store == "neo4j" and not (self.neo4j_uri and self.neo4j_password):
            raise ValueError("DIPLOGRAPH_STORE=neo4j needs NEO4J_URI and NEO4J_PASSWORD to be set.")
        return self

    @property
    def cors_origins(self) -> list[str]:
        return [o.strip() for o in self.diplograph_cors_origins.split(",") if o.strip()]


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    try:
        return Settings()
    except ValueError as exc:  # pydantic's ValidationError is a ValueError
        raise ConfigError(f"Invalid configuration: {exc}") from None
