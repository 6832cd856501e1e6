"""Import every command module so that each registers its commands on `warlog.cli.app`."""

from warlog.cli import actors, articles, evaluate, events, extract, gazetteer, ingest, schema, serve  # noqa: F401
