"""Knowledge graph of Indonesia–China regional cooperation, built from news articles."""

__version__ = "0.1.0"
