"""Realistic Chinese demo data for one station, made through the same services the desks use."""

from station.demo.generate import fill

__all__ = ["fill"]
