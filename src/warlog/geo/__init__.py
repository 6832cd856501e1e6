"""Offline geocoding: a gazetteer built once from packaged GeoNames data plus curated places,
place resolution in context, and the `GeocodeStage` that fills an event's place fields."""
