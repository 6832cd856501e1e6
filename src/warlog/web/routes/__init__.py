"""One router per resource: events, articles, actors, aggregations."""
