"""Score warlog against gold data: gold-format parsers, field metrics, alignment and the report."""
