"""Actors: the registry of groups, states and people, and the stage that fills actor and attribution fields."""
