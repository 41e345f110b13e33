"""Migration Observatory: official migration statistics as evidence anyone can check."""

__version__ = "0.1.0"
