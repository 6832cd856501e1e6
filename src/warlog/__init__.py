"""warlog: news reports on political violence in, a geocoded, attributed event database out."""

__version__ = "0.1.0"
