"""Versioned knowledge files (taxonomy, triggers, weapons, actors, places); see README in this folder."""
