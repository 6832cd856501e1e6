"""The public Python API's implementation; use it through `warlog` (`warlog.__all__`), not from here."""
