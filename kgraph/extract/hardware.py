"""Hardware mentions: catalogue spellings, plus vendor + model shapes not in the catalogue."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import lru_cache

from spacy.attrs import IDX, LENGTH
from spacy.language import Language
from spacy.tokens import Doc
from spacy.vocab import Vocab

from kgraph.extract.catalogue import (
    CLASS_WORDS,
    HardwareEntry,
    find_phrases,
    fold,
    hardware_catalogue,
    may_start_phrase,
    next_words,
    phrase_index,
)
from kgraph.extract.spans import (
    add_mentions,
    doc_data,
    non_overlapping,
    occurrences,
)
from kgraph.model import Mention

__all__ = ["HardwareFinder", "hardware_catalogue", "make_hardware_finder"]

VENDOR_TYPES = {"intel": "CPU", "google": "ACCELERATOR", "qualcomm": "CPU", "apple": "CPU",
                "huawei": "ACCELERATOR", "samsung": "STORAGE", "micron": "STORAGE",
                "kioxia": "STORAGE", "solidigm": "STORAGE", "western digital": "STORAGE",
                "seagate": "STORAGE", "sk hynix": "STORAGE", "toshiba": "STORAGE",
                "kingston": "STORAGE", "xilinx": "ACCELERATOR", "mellanox": "INTERCONNECT",
                "nvidia": "GPU", "amd": "GPU"}  # a vendor's product of no known line
# Lines named without their vendor: (vendor, type) by the line's name.
LINES = {"Xeon": ("Intel", "CPU"), "EPYC": ("AMD", "CPU"), "Ryzen": ("AMD", "CPU"),
         "Threadripper": ("AMD", "CPU"), "Snapdragon": ("Qualcomm", "CPU"),
         "Ascend": ("Huawei", "ACCELERATOR"), "Alveo": ("Xilinx", "ACCELERATOR"),
         "Instinct": ("AMD", "GPU"), "Adreno": ("Qualcomm", "GPU"), "Kunpeng": ("Huawei", "CPU"),
         "Tofino": ("Intel", "INTERCONNECT"), "Exynos": ("Samsung", "CPU"),
         "Dimensity": ("MediaTek", "CPU"), "RTX": ("NVIDIA", "GPU"), "GeForce": ("NVIDIA", "GPU")}
LINE_TYPES = {"core": "CPU"} | {line.lower(): type_ for line, (_, type_) in LINES.items()}
VENDORS = ("NVIDIA", "Nvidia", "AMD", "Intel", "Google", "Huawei", "Qualcomm", "Apple", "Samsung",
           "Micron", "Kioxia", "Solidigm", "Western Digital", "Seagate", "SK hynix", "Toshiba",
           "Kingston", "Xilinx", "Mellanox")
# Words a product shape starts with: where HardwareFinder tries PRODUCT and LINE_PRODUCT.
PRODUCT_STARTS = (*(vendor.split()[0] for vendor in VENDORS), *LINES, "Core")
# An Intel Core model number ('Core i9-13900K', 'Intel Core Ultra 7 155H').
CORE_MODEL = re.compile(r"(?:Intel\s+)?(?P<model>Core\s+(?:i[3579]-\d{4,5}[A-Z]{0,2}|"
                        r"Ultra\s+[579]\s+\d{3}[A-Z]{0,2}))(?![\w-])")
PRODUCT = re.compile(
    rf"(?P<vendor>{'|'.join(VENDORS)})\s+"
    r"(?P<line>GeForce\s+|Tesla\s+|Quadro\s+|Instinct\s+|Radeon\s+|Xeon\s+|Core\s+|EPYC\s+|"
    r"Ascend\s+|Snapdragon\s+|Alveo\s+)?(?:(?:Gold|Silver|Platinum|Bronze|Max)\s+)?(?P<model>(?:[A-Z]{1,4}\s?-?)?(?:\d{2,4}|\d[A-Z]\d{1,2})[A-Za-z+]{0,3})(?![\w-])")
# A product line's model numbers without the vendor ('Xeon Gold 6338', 'EPYC 7763', 'Tofino2').
LINE_PRODUCT = re.compile(
    rf"(?P<line>{'|'.join(LINES)})(?:\s+(?:(?:Gold|Silver|Platinum|Bronze|Max|W)\s+)?|(?=\d))"
    r"(?P<model>(?:[A-Z]{1,4}\s?-?)?\d{1,4}(?:[A-Z]\d{1,2})?[A-Za-z+]{0,3}(?:\sGen\s\d|\sTi|\sSUPER)?)"
    r"(?![\w-])")  # 'EPYC 7V13'
# A variant written after a catalogued name: 'H100 SXM5', 'A100 PCIe', 'DDR5-4800'.
VARIANTS = {"GPU": re.compile(r"\s(?:SXM\d?|PCIe|NVL|\d{3,4})(?![\w-])"),  # 'GPU Max 1550'
            "CPU": re.compile(r"\s\d{4}[A-Z]?(?![\w-])"),  # 'Xeon CPU Max 9470'
            "MEMORY": re.compile(r"-\d{4}(?![\w-])"),
            "INTERCONNECT": re.compile(r"\s[x×]\d{1,2}(?![\w-])")}  # 'PCIe 4.0 x16'
CASE_SENSITIVE = 5
# Spellings that name a GPU only beside another GPU ('A10G, L4 and A100 GPUs'; alone, 'L4' is
# also the transport layer).
BESIDE_GPUS = {"L4"}
# Not SSD among the class words: 'NVMe SSD' is a name.
CLASS_TAIL = re.compile(rf"[\s-](?:{'|'.join(CLASS_WORDS)})s?$")
DEFINITION = re.compile(r"\s\((?P<acronym>[A-Z][A-Za-z0-9]{1,7})\)")


def _exact_case(text: str, entry: HardwareEntry) -> bool:
    """Short spellings ('CPU', 'NIC', 'LPU') must match case, so words stay words."""
    core = text[:-1] if text.endswith("s") and len(text) > 3 else text
    if len(core) > CASE_SENSITIVE:
        return True
    return any(core == s or text == s for s in (entry.label, *entry.aliases))


def catalogue_mentions(text: str, spans: list[tuple[int, int]] | None = None,
                       ) -> Iterator[tuple[int, int, str, str]]:
    """(start, end, type, canonical) for every catalogue spelling in `text` (see find_phrases),
    without a trailing class word that the product is named without ('Alveo U280 FPGA')."""
    index, _ = phrase_index()
    for start, end, entry in find_phrases(text, spans):
        if (tail := CLASS_TAIL.search(text, start, end)) \
                and index.get(fold(text[start:tail.start()])) is entry:
            end = tail.start()
        if _exact_case(text[start:end], entry):
            yield start, end, entry.type, entry.label


def product_mentions(text: str, starts: Iterable[int]) -> Iterator[tuple[int, int, str, str]]:
    """Vendor + model-number shapes ('NVIDIA A2000', 'AMD MI400') and a line's model numbers
    ('Xeon Gold 6338', 'Core i9-13900K') missing from the catalogue, tried at the word
    `starts`."""
    for start in starts:
        if not text.startswith(PRODUCT_STARTS, start):
            continue
        if match := CORE_MODEL.match(text, start):
            yield match.start(), match.end(), "CPU", f"Intel {' '.join(match['model'].split())}"
        elif match := PRODUCT.match(text, start):
            line = (match["line"] or "").strip().lower()
            type_ = LINE_TYPES.get(line) or VENDOR_TYPES[match["vendor"].lower()]
            yield match.start(), match.end(), type_, " ".join(match[0].split())
        elif match := LINE_PRODUCT.match(text, start):
            vendor, type_ = LINES[match["line"]]
            yield match.start(), match.end(), type_, f"{vendor} {' '.join(match[0].split())}"


def may_start_mention(word: str) -> bool:
    """Whether a token may begin a hardware mention (a spaCy lexeme flag): a catalogue
    spelling or a product shape."""
    return word.startswith(PRODUCT_STARTS) or may_start_phrase(word)


def variant_mentions(text: str, found: list[tuple[int, int, str, str]],
                     ) -> Iterator[tuple[int, int, str, str]]:
    """A catalogued name with its variant written after it ('H100 SXM5'): the same device."""
    for start, end, type_, canonical in found:
        if (variant := VARIANTS.get(type_)) and (match := variant.match(text, end)):
            yield start, match.end(), type_, canonical


def defined_acronyms(text: str, found: list[tuple[int, int, str, str]],
                     ) -> Iterator[tuple[int, int, str, str]]:
    """Every use of an acronym defined right after a hardware mention: 'Zoned Namespace
    (ZNS) SSDs ... ZNS devices' makes each ZNS that hardware."""
    for _, end, type_, canonical in found:
        if defined := DEFINITION.match(text, end):
            for start, stop in occurrences(text, defined["acronym"]):
                yield start, stop, type_, canonical


def _longest(found: list[tuple[int, int, str, str]]) -> list[tuple[int, int, str, str]]:
    """Non-overlapping mentions, longer first; on a tie the catalogue (listed first) wins."""
    return sorted(non_overlapping(sorted(found, key=lambda f: f[0] - f[1])))


# What a variant adds to its product or family: a memory size ('A100 80GB'), a version
# ('PCIe 5.0', 'InfiniBand HDR') or a generation right after a family's letters ('HBM3').
SIZE_TAIL = re.compile(r" \d+\s?GB")
VERSION_TAIL = re.compile(r" \d+\.\d+| [A-Z]{3}")
GENERATION_TAIL = re.compile(r"\d+[a-z]?")
# Generic catalogue entries that, right after another hardware name, are its head noun.
HEAD_NOUNS = {*CLASS_WORDS, "accelerator", "DPU", "SSD"}


def _is_variant(base: str, name: str) -> bool:
    tail = name[len(base):]
    return name.startswith(base) and bool(
        SIZE_TAIL.fullmatch(tail) or VERSION_TAIL.fullmatch(tail)
        or base[-1].isalpha() and GENERATION_TAIL.fullmatch(tail))


def _variants(canonicals: set[str]) -> dict[str, str]:
    """A product or family and one variant of it in the same text are one device: 'A100s'
    next to 'A100 80GB' is the 80 GB card, 'PCIe' next to 'PCIe 5.0' that link.

    Examples:
        >>> sorted(_variants({"NVIDIA A100", "NVIDIA A100 80GB", "PCIe", "PCIe 5.0", "HBM",
        ...                   "HBM2", "HBM2e", "NVIDIA A10"}).items())
        [('NVIDIA A100', 'NVIDIA A100 80GB'), ('PCIe', 'PCIe 5.0')]
    """
    out = {}
    for base in canonicals - HEAD_NOUNS:
        variants = [c for c in canonicals if _is_variant(base, c)]
        if len(variants) == 1:
            out[base] = variants[0]
    return out


@lru_cache(maxsize=1)
def _gpu_tiers() -> frozenset[str]:
    """A GPU's memory tiers ('shared memory', 'global memory'): that hardware only in a text
    that names a GPU."""
    return frozenset(e.label for e in hardware_catalogue() if e.family == "GPU memory")


class HardwareFinder:
    """Marks hardware mentions in doc.spans["hardware"] and doc.user_data["kgraph"].

    A lexeme flag (computed once per vocabulary entry) tells which tokens may begin a
    catalogue spelling, so only those places are looked up.
    """

    def __init__(self, vocab: Vocab) -> None:
        self.flag = vocab.add_flag(may_start_mention)
        next_words()  # built with the pipeline, not on the first document
        _gpu_tiers()

    def __call__(self, doc: Doc) -> Doc:
        data = doc_data(doc)
        text = data["text"]
        rows = doc.to_array([self.flag, IDX, LENGTH])
        spans = [(lo, lo + n) for lo, n in rows[rows[:, 0] != 0, 1:].tolist()]
        found = [*catalogue_mentions(text, spans), *product_mentions(text, (s for s, _ in spans))]
        found = _longest([*found, *variant_mentions(text, found)])
        if acronyms := list(defined_acronyms(text, found)):
            found = _longest([*found, *acronyms])
        ends = {e + 1 for _, e, _, _ in found if text[e:e + 1] == " "}
        variant = _variants({c for _, _, _, c in found})
        gpus = {c for _, _, t, c in found if t == "GPU"}
        gpu_tiers = set() if gpus else _gpu_tiers()
        mentions = [Mention(text[s:e], t, variant.get(c, c), s, e) for s, e, t, c in found
                    if not (c in HEAD_NOUNS and s in ends)  # 'A100-80GB GPUs', 'GPU accelerators'
                    and c not in gpu_tiers  # 'Serverless MicroVMs from Shared Memory Snapshots'
                    and not (text[s:e] in BESIDE_GPUS and gpus <= {c})]
        add_mentions(doc, data, "hardware", mentions)
        return doc


@Language.factory("kgraph_hardware")
def make_hardware_finder(nlp: Language, name: str) -> HardwareFinder:
    """spaCy factory: `nlp.add_pipe("kgraph_hardware")`."""
    return HardwareFinder(nlp.vocab)
