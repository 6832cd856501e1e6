"""Import every command module so that each registers its commands on `warlog.cli.app`."""

from warlog.cli import evaluate, extract, schema  # noqa: F401
