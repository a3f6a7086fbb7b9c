"""Extraction: spaCy components that find hardware, names and result claims."""

from kgraph.extract.catalogue import hardware_catalogue
from kgraph.extract.pipeline import build_nlp, extract, extract_papers, to_record

__all__ = ["build_nlp", "extract", "extract_papers", "hardware_catalogue", "to_record"]
