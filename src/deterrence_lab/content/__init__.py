"""Sourced content of the course: data records with their sources, no models and no views."""
