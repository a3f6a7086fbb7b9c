"""The hardware catalogue: well-formed entries, IRIs minted by the graph's slug rule."""

from __future__ import annotations

from kgraph.extract import hardware_catalogue
from kgraph.graph import mint


def test_every_entry_is_typed_labelled_and_slugged():
    entries = hardware_catalogue()
    assert len(entries) > 150
    for entry in entries:
        assert entry.type in {"GPU", "CPU", "STORAGE", "MEMORY", "ACCELERATOR", "INTERCONNECT"}
        assert entry.iri == mint("hardware", entry.label).value


def test_named_products_have_vendor_and_family():
    by_label = {e.label: e for e in hardware_catalogue()}
    assert by_label["NVIDIA H100"].vendor == "NVIDIA" and by_label["NVIDIA H100"].family == "Hopper"
    assert by_label["NVIDIA V100 32GB"].memory_gb == 32
    assert by_label["AMD Instinct MI300X"].vendor == "AMD"
    assert "V100" in by_label["NVIDIA V100"].aliases


def test_spellings_are_unambiguous():
    seen: dict[str, str] = {}
    for entry in hardware_catalogue():
        for spelling in (entry.label, *entry.aliases):
            assert seen.setdefault(spelling.lower(), entry.label) == entry.label, spelling
