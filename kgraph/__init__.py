"""kgraph: offline knowledge graphs of systems, hardware and result claims from abstracts."""

__version__ = "0.1.0"
