"""Names of systems, models and data sets, from shape and context.

A candidate becomes a name when its shape is coined (CamelCase, mixed case with
digits or hyphens: vLLM, ZeRO-Infinity, NanoFlow) or when context introduces it
(a title's "X: ...", "we propose X", "called X", "compilers like X and Y",
"X: a ..."); all-caps acronyms need context or repetition, and acronyms defined
for ordinary phrases ("mean absolute error (MAE)") never count. Every
occurrence of an accepted name becomes a mention.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from functools import lru_cache
from itertools import filterfalse

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from kgraph.extract.cues import compile_cues, cue_matches
from kgraph.extract.domain import is_computing
from kgraph.extract.lexicon import (
    MODIFIER_AFTER,
    MODIFIER_SUFFIX,
    TOKEN,
    coined,
    lexicon,
    model_matches,
    plain_phrase,
)
from kgraph.extract.quantities import unit_table
from kgraph.extract.sentences import sentence_spans
from kgraph.extract.spans import (
    add_mentions,
    doc_data,
    find_all,
    mention_offsets,
    non_overlapping,
    occurrences,
    starts_word,
)
from kgraph.model import Mention

TOKEN_RE = re.compile(TOKEN)
CAMEL = re.compile(r"[a-z][A-Z]|[A-Z][A-Za-z]*-?\d|\d-?[A-Z]|[A-Z][a-z]+[A-Z]|^[A-Z]{2,}[a-z]{2,}$")
STOPWORDS = {"as", "the", "well", "our", "their", "other", "these", "those", "more", "many", "its",
             "such", "some", "most", "this", "that", "with", "and", "for", "new", "etc", "it",
             "there", "here", "which", "one", "each", "what", "every", "any"}
# Category nouns whose examples may be written in lower case ('tools such as perf').
SOFTWARE_NOUNS = {"compilers", "frameworks", "libraries", "tools", "runtimes", "engines"}
# What a title's 'The X Y:' names when it names software ('The Fused Kernel Library:').
TITLE_HEADS = {"library", "system", "framework", "engine", "compiler", "runtime", "scheduler",
               "platform", "toolkit", "language", "database", "store", "allocator", "simulator",
               "protocol", "machine", "benchmark", "suite", "model", "network", "architecture"}
URLISH = re.compile(r"\.(?:com|org|io|net|edu|ai)\b|://|^www\.", re.I)
ACRONYM = re.compile(r"[A-Z][A-Z0-9-]{2,}s?")
DEFINED = re.compile(r"\((?P<name>[A-Z][A-Za-z0-9-]+)\)")  # after a word and one space
QUOTED_DEFINITION = re.compile(r"[\"”]\s\((?P<name>[A-Z][A-Za-z0-9-]{1,9})\)")
# A title phrase with a verb is a claim, not a name: 'Decoding Is Memory-Bound: ...'
TITLE_VERB = re.compile(r" (?:Is|Are|Was|Were|Does|Do|Can|Should|Must)\b")
CAPITALISED_BEFORE = re.compile(r"(?<![\w-])[A-Z][a-z]+ $")  # the word before a name
LEADING_DETERMINER = re.compile(r"^(?:The|Our|A|An)\s+")
LIST_SEPARATOR = re.compile(r",?\sand\s|,?\sor\s|,\s")  # ', and ' is one separator
ACRONYM_AFTER = re.compile(r"\s?\((?P<a>[A-Z][A-Za-z0-9-]+)\)")


def _clean(name: str) -> str:
    return LEADING_DETERMINER.sub("", name).strip(" -.,'\"")


def _cued(text: str) -> Iterator[str]:
    """Names introduced by context."""
    for match in cue_matches("title", text):
        name = match["name"]
        names_software = match[0].startswith("The ") \
            and name.rsplit(" ", 1)[-1].lower() in TITLE_HEADS
        if (names_software or not plain_phrase(name, text)) and not TITLE_VERB.search(name):
            # not a phrase of plain words that the abstract never names again ('Noisy
            # Neighbours Revisited: A Study of ...', 'The Widening Memory Gap: ...'; but
            # 'Tilus: A Virtual Machine for ...', 'The Fused Kernel Library: A C++ API')
            yield from _name_parts(name, text[match.end():match.end() + 12])
    for key in ("proposal", "called", "ours", "colon", "appositive"):
        for match in cue_matches(key, text):
            yield from _name_parts(match["name"], text[match.end():match.end() + 12])
    for match in cue_matches("definition", text):
        name = match["name"]
        if name.lower() not in STOPWORDS and text.count(name) > 1:  # not 'It is a'
            yield name
    for match in cue_matches("compared", text):
        listed = [i for i in LIST_SEPARATOR.split(match["more"])[1:] if i not in ORGANISATIONS]
        yield from listed  # 'relative to Chameleon, NoScope and Reducto': a list of names
        words = match["name"].split()
        # 'than Cray MPICH' is one name; 'than vLLM PagedAttention' holds two of its own;
        # 'than Germany' is no name: one word at least must look made up (capitals inside),
        # unless more names follow in a list
        if (any(coined(w) for w in words) or listed and len(words) == 1) and (len(words) == 1
                       or not any(CAMEL.search(w) or w in lexicon()["known"] for w in words)):
            yield from _name_parts(match["name"], "")
    if '" (' in text or "” (" in text:
        for match in QUOTED_DEFINITION.finditer(text):
            yield match["name"]  # 'the "repeat-all-over" (RAO) strategy': a named technique
    for match in cue_matches("list", text):
        lower_ok = match[0].split(None, 1)[0] in SOFTWARE_NOUNS  # 'compilers like nvcc'
        for item in LIST_SEPARATOR.split(match["list"]):
            if len(item) <= 25 and item.lower() not in STOPWORDS and (
                    _name_like(item) or lower_ok and len(item) >= 4):
                yield item


def _name_parts(name: str, after: str) -> Iterator[str]:
    """A cued phrase: its acronym if one follows in parentheses, and the phrase itself if it
    looks like a name ('Fetch-and-Fuse (FnF)'; not 'Hierarchical Prefix Caching (HPC)')."""
    acronym = ACRONYM_AFTER.match(after)
    name = _clean(name)
    if acronym:
        yield acronym["a"]
    shaped = CAMEL.search(name) or "-" in name
    if name and all(_name_like(w) for w in name.split()) and (not acronym or shaped):
        yield name


def _name_like(word: str) -> bool:
    """Starts with a capital or has a coined shape ('vLLM'); not a URL."""
    return (word[:1].isupper() or bool(CAMEL.search(word))) and not URLISH.search(word)


def _definitions(text: str) -> tuple[set[str], set[str]]:
    """Acronyms defined for ordinary lower-case phrases ('mean absolute error (MAE)'),
    and the words of every defining phrase ('Recursive INference Scaling (RINS)')."""
    generic, long_words = set(), set()
    for match in DEFINED.finditer(text):
        space = match.start() - 1
        if space < 1 or not text[space].isspace() or starts_word(text, space):
            continue
        letters = sum(c.isalpha() for c in match["name"])
        words = text[max(0, space - 80):space].split()[-min(letters, 3):]
        if not words:
            continue
        long_words.update(words)
        if all(w[0].islower() for w in words):
            generic.add(match["name"])
    return generic, long_words


def _shaped(text: str, generic: set[str], also: set[str]) -> Iterator[str]:
    """Coined-looking tokens, and acronyms used at least twice (each distinct token once), that
    are in neither `generic` nor `also` (this text's generic words)."""
    # Chunks without upper case hold only plain words: skip them before looking for tokens.
    acronyms: Counter[str] = Counter()
    shaped = Counter(t for chunk in filterfalse(str.islower, text.split())
                     for t in _shaped_tokens(chunk))
    for (kind, name), count in shaped.items():
        head, _, rest = name.partition("-")  # 'per-vCPU', 'multi-LLM': generic after a prefix
        word = rest if rest and head.islower() else name
        stem = word.rstrip("s")
        if word in generic or stem in generic or word in also or stem in also:
            continue
        if kind == "coined":
            yield name
        else:
            acronyms[name] += count
    yield from (name for name, count in acronyms.items() if count >= 2 and not name.endswith("s"))


@lru_cache(maxsize=1 << 16)
def _shaped_tokens(chunk: str) -> tuple[tuple[str, str], ...]:
    """The (kind, name) of each name-like token with a shape in a whitespace-free chunk;
    cached, as the same chunks recur across abstracts."""
    return tuple(shape for token in TOKEN_RE.findall(chunk)
                 if (shape := _shape(token))[0] is not None)


@lru_cache(maxsize=1 << 16)
def _shape(token: str) -> tuple[str | None, str]:
    """What a token's shape makes it ('acronym', 'coined' or None), and the name it gives
    ('FaRM-style' gives 'FaRM'); cached, as the same tokens recur across abstracts."""
    name = MODIFIER_SUFFIX.sub("", token) if "-" in token else token
    if name.islower() or (name[1:].islower() and not name[0].isdigit()):
        return None, name
    if name.lower() in unit_table()["units"]:
        return None, name
    if ACRONYM.fullmatch(name):
        return "acronym", name
    if CAMEL.search(name) and not name.isupper() and not URLISH.search(name):
        return "coined", name
    return None, name


def _stands_alone(text: str, start: int, end: int) -> bool:
    """Not glued to a neighbouring word by letters, digits, '_', '+' or '-' (dots are trimmed)."""
    while start > 0 and text[start - 1] == ".":
        start -= 1
    while end < len(text) and text[end] == ".":
        end += 1
    return not (_glue(text, start - 1)
                or (_glue(text, end) and not MODIFIER_AFTER.match(text, end)))


def _glue(text: str, i: int) -> bool:
    return 0 <= i < len(text) and (text[i].isalnum() or text[i] in "_+-")


@lru_cache(maxsize=1)
def _dataset_cue_word() -> re.Pattern[str]:
    return re.compile(rf"(?:{lexicon()['dataset_cues']})\b")


NAME_BEFORE_CUE = re.compile(r"(?P<the>\bthe\s)?\b(?P<name>[A-Z][\w.+-]*[\w+])\s$")
AFTER_NUMBER = re.compile(r"\d\s?$")  # '1 TB datasets': a unit, no name
APPOSED_BEFORE_CUE = re.compile(r",\san?\s(?:[\w-]+\s){0,2}$")
OWN_BEFORE_CUE = re.compile(r"\b(?:our|new|open|public)\s(?:[\w-]+\s)?$")
AFTER_CUE = re.compile(r"(?:,\s(?=called\s|named\s)|\s)(?P<called>(?:called|named)\s)?")


@lru_cache(maxsize=1)
def _dataset_cue_stems() -> tuple[str, ...]:
    """The cue words without those another one begins ('dataset' finds 'datasets' too)."""
    words = lexicon()["dataset_cues"].split("|")
    return tuple(w for w in words if not any(w != o and w.startswith(o) for o in words))


def _dataset_cues(text: str) -> Iterator[re.Match[str]]:
    """Data-set cue words starting a word, found from a plain substring search."""
    pattern = _dataset_cue_word()
    for i in find_all(text, _dataset_cue_stems()):
        if starts_word(text, i) and (cue := pattern.match(text, i)):
            yield cue


def _before_dataset_cues(text: str, cues: list[re.Match[str]]) -> Iterator[str]:
    """'the HELM benchmark', 'the Criteo dataset': a made-up or capitalised name right before a
    data-set cue word (capitalised words only after 'the', so 'MLPerf Inference suite' gives
    no 'Inference')."""
    for cue in cues:
        before = NAME_BEFORE_CUE.search(text, max(0, cue.start() - 40), cue.start())
        if before and not AFTER_NUMBER.search(text, max(0, before.start() - 12), before.start()) \
                and (coined(before["name"]) or before["the"]):
            yield before["name"]


def _dataset_slots(text: str, cues: list[re.Match[str]]) -> tuple[set[int], set[int]]:
    """Where a name would follow a data-set cue ('the trace X') or precede one ('X benchmark')."""
    follows: set[int] = set()
    precedes: set[int] = set()
    for cue in cues:
        if cue.start() > 0 and text[cue.start() - 1].isspace():
            precedes.add(cue.start() - 1)
        if after := AFTER_CUE.match(text, cue.end()):
            follows.add(after.end())
            if after["called"]:
                follows.add(after.start("called"))
        if text.startswith("-", cue.end()):
            continue  # 'a trace-driven simulator' is no data set
        if apposed := APPOSED_BEFORE_CUE.search(text, max(0, cue.start() - 30), cue.start()):
            precedes.add(apposed.start())  # 'CloudVar, an open dataset'
        if text.startswith(", ", cue.end()) \
                and OWN_BEFORE_CUE.search(text, max(0, cue.start() - 12), cue.start()):
            follows.add(cue.end() + 2)  # 'we release our dataset, SpotLedger,'
    return follows, precedes


DATASET_SHAPE = re.compile(r"(?:QA|[Bb]ench|Arena|Eval)(?:[- ](?:Verified|Lite|Hard|Pro))?$")


def _type_of(name: str, spans: list[tuple[int, int]], slots: tuple[set[int], set[int]]) -> str:
    """Curated type, model shape, data-set cue next to any occurrence, else SYSTEM."""
    lx = lexicon()
    if name in lx["known"]:
        return lx["known"][name]
    if lx["model_re"].fullmatch(name):
        return "MODEL"
    follows, precedes = slots
    if DATASET_SHAPE.search(name):
        return "DATASET"
    return "DATASET" if any(s in follows or e in precedes for s, e in spans) else "SYSTEM"


# A processor design of the paper's or another's: 'Halyard: A Near-Memory Accelerator for ...',
# 'Kite, an accelerator architecture', 'Tessera is an SpMV accelerator', 'the prior accelerators
# SpAtten and Sanger' (not 'X, a compiler for accelerators', 'an accelerator-aware scheduler').
DESIGN_NOUN = (r"(?:[Aa]ccelerators?|[Cc]oprocessors?|ASICs?|overlays?|appliances?|"
               r"(?:PIM|[Pp]rocessing-in-[Mm]emory) (?:designs?|architectures?)|"
               r"[Pp]rocessing-in-[Mm]emory)(?![\w-])")
DESIGN_WORDS = r"(?:(?!(?:for|of|on|in|to|with|from|that|which)\b)[\w-]+\s+){0,5}?"
DESIGN_DEFINED = re.compile(rf"(?:,|\sis)\s+(?:an?|the)\s+{DESIGN_WORDS}{DESIGN_NOUN}")
DESIGN_HEAD = re.compile(rf"\b{DESIGN_NOUN}")
TITLE_HEAD_END = re.compile(r"\s(?:for|in|on|with|to|via|using|of|from|across|at)\s")
DESIGN_LISTS = ("accelerators", "FPGA designs", "accelerator designs", "ASICs")  # 'the prior ...'
DESIGN_LIST_ANCHORS = tuple(f"{words} " for words in DESIGN_LISTS)
DESIGN_LIST = re.compile(rf"(?:{'|'.join(DESIGN_LISTS)})\s+"
                         r"(?:such as\s+|like\s+|including\s+)?(?P<list>[A-Z][^.;:()]{0,60})")
DESIGN_ANCHORS = ("ccelerator", "oprocessor", "ASIC", "verlay", "ppliance", "PIM",
                  "rocessing-in-")  # case as written


def _designs(text: str, title_end: int, candidates: set[str]) -> set[str]:
    """The names among `candidates` that the text defines as processor designs (typed
    ACCELERATOR, as annotators do)."""
    if not candidates or not any(word in text for word in DESIGN_ANCHORS):
        return set()
    found = set()
    for match in cue_matches("title", text):
        if DESIGN_HEAD.search(TITLE_HEAD_END.split(text[match.end():title_end], 1)[0]):
            found.add(match["name"])  # the title's head noun, before its first preposition
    for name in candidates:
        for _, end in occurrences(text, name):
            if DESIGN_DEFINED.match(text, end):
                found.add(name)
                break
    for anchor in find_all(text, DESIGN_LIST_ANCHORS):
        if starts_word(text, anchor) and (match := DESIGN_LIST.match(text, anchor)):
            found.update(n for n in candidates if n in match["list"])
    return found & candidates


def _merge_typos(names: Counter) -> dict[str, str]:
    """All-caps spellings with the same letters ('HRAMONY', 'HARMONY') -> the commonest."""
    canon: dict[str, str] = {}
    by_letters: dict[str, list[str]] = {}
    for name in names:
        key = "".join(sorted(name)) if name.isupper() and len(name) > 4 else name
        by_letters.setdefault(key, []).append(name)
    for spellings in by_letters.values():
        best = max(spellings, key=lambda s: names[s])
        canon.update({s: best for s in spellings})
    return canon


def find_names(text: str, taken: list[tuple[int, int]], known: set[str],
               title_end: int = 0) -> list[Mention]:
    """Every occurrence of every accepted name, outside spans already taken (hardware);
    `known` are the curated names present in the text, which begins with a title of
    `title_end` characters."""
    lx = lexicon()
    generic, (defined, long_words) = lx["generic"], _definitions(text)  # curated, this text's
    candidates = {c for c in _cued(text) if c not in generic and c not in defined}
    candidates.update(_framework_parts(text, title_end, known))
    candidates |= set(_shaped(text, generic, defined | long_words))
    candidates |= known
    cues = list(_dataset_cues(text))
    candidates |= {c for c in _before_dataset_cues(text, cues)
                   if c not in generic and c not in defined}
    systems = _listed_systems(text)
    spans = [(m.start(), m.end(), m[0], "MODEL") for m in model_matches(text)
             if m[0] not in systems]
    slots = _dataset_slots(text, cues)
    designs = _designs(text, title_end, {c for c in candidates if c not in lx["known"]})
    for name in candidates:
        if len(name) > 1 and not name.isdigit() and (found := list(occurrences(text, name))):
            type_ = "SYSTEM" if name in systems else "ACCELERATOR" if name in designs \
                else _type_of(name, found, slots)
            spans += [(start, end, name, type_) for start, end in found]
    return _resolve(text, spans, taken)


# Frameworks whose parts are named after them: 'the PyTorch DataLoader', 'Spark Structured
# Streaming', 'PyTorch Distributed Checkpoint', 'DeepSpeed ZeRO-3'.
FRAMEWORKS = ("PyTorch", "TensorFlow", "JAX", "Spark", "Ray", "DeepSpeed", "OpenStack")
FRAMEWORK_PART = re.compile(r"(?P<framework>\w+)\s(?P<a>[A-Z][\w-]*\w)"
                            r"(?:\s(?P<b>[A-Z][\w-]*\w))?(?![\w-])")


def _framework_parts(text: str, title_end: int, known: set[str]) -> Iterator[str]:
    """A framework's name and the one or two capitalised words after it, as one name: made-up
    words anywhere ('PyTorch DataLoader'), plain words only after the title (in title case
    every word is capitalised). The frameworks are curated names: `known` has those present."""
    for start in find_all(text, [f for f in FRAMEWORKS if f in known]):
        if not starts_word(text, start) or not (match := FRAMEWORK_PART.match(text, start)) \
                or match["framework"] not in FRAMEWORKS:
            continue
        words = []
        for word in filter(None, (match["a"], match["b"])):
            if not (coined(word) or start > title_end and word.lower() not in STOPWORDS):
                break
            words.append(word)
        if words:
            yield " ".join((match["framework"], *words))


def _listed_systems(text: str) -> set[str]:
    """Names listed after a system noun ('systems such as CheckFreq and Gemini'): systems,
    whatever their shape says (not after 'baselines', which may be models)."""
    return {item for match in cue_matches("list", text)
            if not match[0].lower().startswith("baselines")
            for item in LIST_SEPARATOR.split(match["list"])}


# Platforms whose name prefixes a part of them: 'DDP' after 'PyTorch DDP' is that system.
PLATFORMS = {*FRAMEWORKS, "Linux", "Kubernetes", "Hadoop"}
ORGANISATIONS = {"Apache", "Google", "Amazon", "AWS", "Microsoft", "Azure", "NVIDIA", "Meta",
                 "Facebook", "IBM", "Intel", "AMD", "Alibaba", "Huawei", "Baidu", "Twitter",
                 "LinkedIn", "Uber", "Netflix", "Oracle", "Cloudera", "Databricks"}


WORKLOAD_LETTER = re.compile(r"[A-Z]")  # 'YCSB-A' is workload A of YCSB


@lru_cache(maxsize=1)
def _dataset_tail() -> re.Pattern[str]:
    """Data-set cue words that end a data set's full name ('benchmark suite')."""
    return re.compile(rf"(?:{lexicon()['dataset_cues']})(?:\s(?:{lexicon()['dataset_cues']}))?")


def _resolve(text: str, spans: list[tuple[int, int, str, str]],
             taken: list[tuple[int, int]]) -> list[Mention]:
    """Drop overlaps (longest first, hardware wins), merge typo spellings, and give short
    forms the name they stand for."""
    chosen = non_overlapping(sorted(spans, key=lambda s: (s[0] - s[1], s[0])), taken)
    canon = _merge_typos(Counter(s[2] for s in chosen))
    for name in list(canon):  # 'Flink' after 'Apache Flink' is the same system
        owner, _, short = name.partition(" ")
        if (owner in ORGANISATIONS or owner in PLATFORMS) and short in canon:
            canon[short] = canon[name]
    datasets = {s[2] for s in chosen if s[3] == "DATASET"}
    for name in datasets:
        for whole in datasets:  # 'GAP' beside 'the GAP benchmark suite', 'YCSB-A' beside 'YCSB'
            if whole.startswith(name + " ") and _dataset_tail().fullmatch(whole, len(name) + 1):
                canon[name] = canon[whole]
            elif name.startswith(whole + "-") and WORKLOAD_LETTER.fullmatch(name, len(whole) + 1):
                canon[name] = canon[whole]
    ordered = sorted(chosen)
    for (_, end, name, type_), (start, stop, short, _) in zip(ordered, ordered[1:], strict=False):
        if type_ == "SYSTEM" and text[end:start] == " (" and text[stop:stop + 1] == ")":
            if _initials(name) == short.upper():  # 'Token-Imbalance-Driven Adaptive Layout
                canon[name] = canon[short]  # (TIDAL)': the acronym is the system's name
            else:  # 'Fetch-and-Fuse (FnF)': FnF is Fetch-and-Fuse
                canon[short] = canon[name]
    return [Mention(name, type_, canon[name], s, e) for s, e, name, type_ in sorted(chosen)]


def _initials(phrase: str) -> str:
    """The capitals an acronym of the phrase would have ('Token-Imbalance-Driven Adaptive
    Layout' -> 'TIDAL')."""
    return "".join(part[0] for part in re.split(r"[\s-]+", phrase) if part).upper()


def _about_computing(text: str) -> bool:
    """Computing vocabulary or a model-family name."""
    return is_computing(text) or next(model_matches(text), None) is not None


class NameFinder:
    """Marks system, model and data-set names in doc.spans["names"] (computing texts only).

    Curated names are found by a PhraseMatcher over token texts.
    """

    def __init__(self, nlp: Language) -> None:
        self.known = PhraseMatcher(nlp.vocab, attr="ORTH")
        names = lexicon()["known"]
        # The tokenizer keeps a sentence's full stop on a name ending in a capital ('GSM8K.').
        self.known.add("KNOWN", [nlp.make_doc(name) for name in names]
                       + [nlp.make_doc(f"{name}.") for name in names if name[-1].isupper()])
        compile_cues()  # and the other patterns: now, not on the first document
        _dataset_cue_word()
        _dataset_cue_stems()

    def __call__(self, doc: Doc) -> Doc:
        data = doc_data(doc)
        text, taken = data["text"], mention_offsets(data)
        known = self._known(doc, data)
        names = (find_names(text, taken, known, data["title_end"])
                 if taken or known or _about_computing(text) else [])
        add_mentions(doc, data, "names", names)
        data["designs"] = [m.canonical for m in names if m.type == "ACCELERATOR"]
        return doc

    def _known(self, doc: Doc, data: dict) -> set[str]:
        """Curated names standing alone in the text; those that are also English words
        ('Summit', 'Silo') only where a capital cannot come from the title or a sentence start,
        nor from a longer name ('Meta Quest 3')."""
        ambiguous, sentence_starts = lexicon()["ambiguous_systems"], None
        text, found = data["text"], set()
        for _, start, end in self.known(doc):
            span = doc[start:end]
            name = text[span.start_char:span.end_char].removesuffix(".")
            if name not in lexicon()["known"] or not _stands_alone(
                    text, span.start_char, span.start_char + len(name)):
                continue
            if name in ambiguous:
                sentence_starts = sentence_starts or {s for s, _ in sentence_spans(data)}
                before = CAPITALISED_BEFORE.search(text, max(0, span.start_char - 24),
                                                   span.start_char)
                if span.start_char <= data["title_end"] or span.start_char in sentence_starts \
                        or before and before.start() not in sentence_starts:
                    continue
            found.add(name)
        return found


@Language.factory("kgraph_names")
def make_name_finder(nlp: Language, name: str) -> NameFinder:
    """spaCy factory: `nlp.add_pipe("kgraph_names")`."""
    return NameFinder(nlp)
