"""Which numbers are results: a unit (or a score, a forecast range, a bare comparative),
not a description of the set-up (hardware counts and specs, workload and model sizes,
durations of logs, confidence levels, conditions such as 'to reach 60FPS')."""

from __future__ import annotations

import re

from kgraph.extract.quantities import Quantity
from kgraph.model import Mention

CONDITION = re.compile(r"\b(?:if|want to|in order to|target(?:ing)?)\b", re.I)
NOT_RESULT_AFTER = re.compile(r"\s*\$?\s*\)?\s*(?:CI\b|confidence|reliability|probability|SLOs?\b|"
                              r"percentile|quantile|of (?:the )?(?:dataset|data|traces?)\b)", re.I)
SETUP_AFTER = re.compile(r"^[\s\w-]{0,25}\b(?:datasets?|data sets?|traces?|corpus|logs|videos?|"
                         r"footage|recordings|history|telemetry)\b", re.I)  # '18 months of history'
CAPACITY_AFTER = re.compile(r"^\s*(?:of\s+)?(?:[\w-]+\s)?(?:DRAM|memory|RAM|HBM\w*|storage|SSDs?|"
                            r"disks?|NVMe|GPUs?|cards?|SRAM|WRAM|scratchpad|cache|flash)\b", re.I)
HARDWARE_GAP = re.compile(r"\s*(?:of\s+|x\s+)?(?:(?!(?:on|with|using|over|across|in|at|for|than|"
                          r"and|or|per|by|the|a|an|because|since|as|when|while|where|if|that|"
                          r"which)\b)\w+\s+)?")  # '8 GPUs', '8x A100', not '1.2x on A100'
SCORES = (r"(?:AUC|AUROC|accurac(?:y|ies)|F1(?:[- ]score)?|BLEU|ROUGE(?:-\w+)?|perplexit(?:y|ies)|"
          r"mAP|R\^?2|Pearson correlation|Spearman correlation|correlation|MAE|RMSE|MSE|PUE)")
SCORE_BEFORE = re.compile(rf"\b{SCORES}(?:(?:\s[\w-]+){{0,3}}?\s(?:of|=|:|is|was|are|were|by|"
                          rf"within))?\s\(?(?:about\s|up to\s|only\s|at most\s|just\s|"
                          rf"less than\s)?$")
# '(ZenFS: 3.4)', '(FP16: 5.47, 4.88 and 3.32)': another's figures set beside a result
OWNER = r"[A-Za-z][\w.+-]*(?:\s[\w.+-]+)?"  # 'ZenFS', 'LRU alone'
PAREN_OWNER = re.compile(rf"\((?P<owner>{OWNER}):\s*(?:[\d.]+(?:,\s*|,?\s+and\s+))*$")
PAREN_OWNER_AFTER = re.compile(rf"\s\({OWNER}:\s*\d")  # '1.9 (ZenFS: 3.4)'
SCORE_AFTER = re.compile(rf"\s{SCORES}\b")  # bare numbers that are scores: 'an AUC of 0.94'
# 'is 3.6, compared with 2.4 for Medusa': two bare figures set side by side
BARE_VERSUS_AFTER = re.compile(r",?\s+(?:compared (?:with|to)|versus|vs\.?)\s+\d[\d.,]*\s+for\s")
BARE_VERSUS_BEFORE = re.compile(r"\b(?:compared (?:with|to)|versus|vs\.?|against)\s+$")
# A count of successes: 'selects the optimal instance in 37 of 40 cases', 'on 49 of them'
PART_OF = re.compile(r"\s+of\s+(?:the\s+|all\s+|its\s+)?(?:(?P<whole>\d+)|them|these)\b")
FOR_NAME = re.compile(r"\s+for\s+(?:the\s+)?(?:[a-z-]+\s+){0,2}[A-Z]")  # 'for the default X'
FOR_LIST_BEFORE = re.compile(r"\d\s+for\s+[A-Z][^,;]{0,30},?\s+and\s+$")  # '3.95 for X and 3.52'
BARE_COMPARATIVE = re.compile(r"\s(?:better|lower|higher|fewer|less|more)\s(?!than\b)\w", re.I)
FORECAST = re.compile(r"\b(?:estimate|forecast|predict|project)", re.I)
YEARS = range(1900, 2101)
# Stems of the verbs that state a change ('reduces', 'falls', 'speeds up').
CHANGE_STEMS = (r"reduc|improv|increas|decreas|lower|cut|drop|boost|accelerat|rais|shrink|enhanc|"
                r"sav|speeds|bring|fall|fell|rise|rose|grow|grew")
CHANGE_VERB = re.compile(rf"\b(?:{CHANGE_STEMS})\w*\b", re.I)
# 'from 1,840 ms with Flink to 96 ms': a set-up phrase between the two ends of a change
FROM_SETUP = re.compile(r"\s+(?:with|for|under|using|on|in|at)\s|\s\([^()]{1,30}\)\s")  # '(Bingo)'
TO_BEFORE = re.compile(r"\sto\s+(?:just\s+|only\s+)?$")
DURATIONS = ("s", "min", "h", "days", "months", "years")
SHARES = ("%", "points", *DURATIONS)  # never a spec of the hardware named after them
NAME_TYPES = ("SYSTEM", "MODEL", "DATASET")
NEAR = 60  # characters around a number within which the mentions that decide it are
MODEL_SIZE_BEFORE = re.compile(r"\b(?:with|of|has|have|having|containing|totaling|"
                               r"ranging from|between|models?\s+from|larger than|smaller than)\s+"
                               r"(?:up to\s+|over\s+|about\s+|nearly\s+|roughly\s+)?"
                               r"(?:\S+(?:,|\s+(?:to|and|or))\s+)*$")  # 'with 13B, 39B and 175B'
# What the work makes possible: 'trains models of up to 21 billion parameters'
CAPABILITY_BEFORE = re.compile(r"\b(?:trains?|fine-tunes?|serves?|fits?|supports?)\s+"
                               r"(?:[\w-]+\s+)?models?\s+of\s+up to\s+$")
LINK_AFTER = re.compile(r"\s+(?:[A-Z]\w*|links?|rails?|networks?|fabrics?|Ethernet|NICs?|ports?|"
                        r"switch\w*|interconnects?)\b")  # '100 Gbps links', '400 Gbps Fabrics'
POWER = ("W", "kW")
POWER_SETUP_AFTER = re.compile(r"\s+(?:power\s+)?(?:mode|TDP|cap|budget|envelope|limit)s?\b",
                               re.I)  # 'in its 30 W mode'
POWER_SETUP_BEFORE = re.compile(r"\b(?:(?:budgets?|caps?|TDPs?|limits?|envelopes?)\s+of\s+"
                                r"(?:\S+\s+(?:to|and)\s+)?|(?:capp|limit)\w*\s+(?:[\w-]+\s+){0,3}"
                                r"(?:at|to)\s+)$", re.I)  # 'budgets of 15 to 60 W', 'capping at'
# A sampling interval or a unit of work: 'at 10 ms intervals', 'at 2 MB granularity'
INTERVAL_AFTER = re.compile(r"\s+(?:[\w-]+\s+)?(?:intervals?|granularity)\b")
# A sampling rate: 'sample board-level power at 100 Hz'
SAMPLING_BEFORE = re.compile(r"\b(?:sampl|poll)\w*\s+(?:[\w-]+\s+){0,4}at\s+$", re.I)

LINE_RATES = ("Gbps", "Mbps", "Tbps")
RATES = (*LINE_RATES, "GB/s", "MB/s", "TB/s")
SPEC_BEFORE = re.compile(r"\b(?:on|with|over|using|via)\s+an?\s$", re.I)
SIZES = ("KB", "MB", "GB", "GiB", "TB", "PB")
GOAL_BEFORE = re.compile(r"\b(?:(?:target|budget|threshold|goal|deadline|SLO|policy|interval|"
                         r"timeout)s?|target\s+[a-z-]+)\s+of\s+"
                         r"(?:up to\s+|at least\s+|at most\s+)?$", re.I)
# 'a 50 us 99th-percentile latency target' (not 'meeting 97% of deadlines', a share)
GOAL_AFTER = re.compile(r"\s+(?!of\b|fewer\b|more\b|less\b)(?:[\w-]+\s+){0,2}(?:budget|target|SLO|"
                        r"deadline|threshold|objective)s?\b")  # not '3x fewer SLO violations'
# Savings and footprints ('frees 11.2 GB of DRAM', 'using less than 600 MB of memory')
SAVING_BEFORE = re.compile(r"\b(?:saves?|saving|frees?|freeing|reclaims?|cuts?|reduces?|reducing|"
                           r"needs?|requires?|occup(?:y|ies)|using|fits?\s+(?:[\w.-]+\s+){0,2}?in(?:to)?|"
                           r"costs?|consum(?:es|ing))"
                           r"\s+(?:up to\s+|about\s+|roughly\s+|by\s+|only\s+|less than\s+|"
                           r"under\s+|at most\s+|just\s+)?$")
AHEAD = re.compile(r"\s+(?:ahead|in advance)\b")
ARTICLE_BEFORE = re.compile(r"(?:^|\s)(?:an?|the)\s(?:[a-z-]+\s)?$")  # 'a (synthetic) 2 TB table'
CHANGE_NOUN = re.compile(r"\s(?:\w+\s)?(?:reduction|saving|decrease|increase|improvement|"
                         r"drop|gain|cut)s?\b")
TRAINED_ON = re.compile(r"\b(?:[Tt]rained|[Pp]re-?trained|[Ff]ine-tuned)\s+on\s+$")
CONDITION_BEFORE = re.compile(r"^\s*(?:With\b[^,;]*?|When|If|After|Once|"
                              r"For\s+\w+\s+(?:below|above|"
                              r"under|over|up to|smaller than|larger than))\s+$")
SIZED_ITEMS = re.compile(r"\s(?!(?:savings|reductions|gains|improvements|less|more)\b)"
                         r"[a-z][a-z-]*[a-rt-z]s\b")  # '256 MB allreduces', '4 KB messages'
COMPUTE_BUDGETS = ("GPU hours", "TPU hours", "node hours")
BUDGET_BEFORE = re.compile(r"\b(?:for|using)\s+$")  # not "over": "saving over N"
AT_CONDITION = re.compile(r"\s*(?:\w+\s)?(?:recall|accuracy|precision|SLO|attainment|load|"
                          r"utili[sz]ation|occupancy)", re.I)  # 'at 95% recall@10'
# 'scaling tables to 4 TB' (not 'raising strong-scaling efficiency to 73%')
SCALED_TO = re.compile(r"(?<![\w-])[Ss]cal(?:e|es|ed|ing)\b[^,;]{0,40}\bto\s+$")
WITH_BEFORE = re.compile(r"\b[Ww]ith\s+(?:up to\s+|over\s+|about\s+)?$")  # 'with 2 TB of state'
THRESHOLD_BEFORE = re.compile(r"\b[a-z]+s\s+(?:longer|shorter)\s+than\s+$")  # 'stalls longer than'
# A setting or goal: 'with the expert cache sized to 8 GB', 'at the same 1 s median latency',
# 'frames arriving at 30 FPS', 'time to reach 80% accuracy' (not 'suffice to reach 93.1%'),
# 'measures the top 2% of candidates'
SETTING_BEFORE = re.compile(r"\b(?:(?:sized|set|configured|fixed)\s+(?:to|at)|(?:at|under)\s+the\s+"
                            r"same|arriv(?:e|es|ing)\s+at|(?:time|hours|rounds|epochs|steps|"
                            r"iterations|cost)\s+to\s+(?:reach|achieve|attain)(?:\s+an?)?|"
                            r"the\s+(?:top|bottom|worst(?:-off)?|best|slowest|fastest))\s+$")
RANGE_GAP = re.compile(r"\s*(?:-|–|—|to\b|and\b)")  # what joins the two ends of a range
SPARSITY_AFTER = re.compile(r"\s+(?:[\w-]+\s+)?sparsity\b")  # 'pruned to 70-90% sparsity'
# A condition on the workload: 'for all-reduce messages above 64 MB', 'scale factor 10,000 (10 TB)'
SIZE_CONDITION_BEFORE = re.compile(r"\b(?:for\s+(?:[\w-]+\s+){0,2}[a-z]+s\s+(?:of|above|below|over|"
                                   r"under|larger than|smaller than|exceeding)|(?:scale factor|SF)"
                                   r"\s*[\d,]+\s*\()\s*$")
BANDWIDTH_AFTER = re.compile(r"\s+of\s+(?:\w+\s+){0,2}bandwidth\b")  # '1.37 TB/s of HBM bandwidth'
WORKLOAD_BEFORE = re.compile(r"\b(?:[Ss]ort(?:s|ing)|[Ss]tor(?:es|ing)|[Pp]rocess(?:es|ing)|"
                             r"[Ss]can(?:s|ning)|[Ll]oad(?:s|ing)|[Ii]ndex(?:es|ing)|[Ii]ngest(?:s|ing)|"
                             r"[Ss]huffl(?:es|ing))\s+$")  # 'storing 310 TB of objects'
PER_DEVICE = re.compile(r"\s+per\s+(?:[\w.-]+\s+){0,3}(?:drive|disk|SSD|DIMM)s?\b")  # its spec
CLAUSE_AT = re.compile(r"(?:^|[;,]\s*)[Aa]t\s+$")  # a share opening a clause is its condition
BARE_LIST_GAP = re.compile(r",\s*|,?\s+and\s+|\s+(?:versus|vs\.?|against)\s+")  # '17.8 versus 17.6'
BARE_LIST_END = re.compile(rf"(?:{BARE_LIST_GAP.pattern})$")  # the same gap, ending at a number
BEFORE_PAREN = re.compile(r"(?:\s+[A-Za-z]+)?\s?")  # 'T4 GPU (16GB)': the class word between
RANGE_AFTER = re.compile(r"\s+range\b")
OVER_BOUND = re.compile(r"\b(?:of|is|was|by|to|at)\s+over\s+$")  # 'a lifetime of over 5 years'
# 'during 500 pool updates per second', 'at a load of 6 requests per second'
LOAD_BEFORE = re.compile(r"\b(?:[Dd]uring|[Uu]nder|load\s+of)\s+$")
# Speculative decoding's result in tokens: 'an average acceptance length of 4.6 tokens'
ACCEPTED_BEFORE = re.compile(r"\b(?:accept(?:ance|ed)\s+lengths?\s+(?:\w+\s+){0,2}|"
                             r"accepts\s+(?:an average of\s+|on average\s+)?)$")
DOUBLING_BEFORE = re.compile(r"\b(?:doubl|tripl|halv)\w*\s+(?:only\s+|roughly\s+|about\s+)?"
                             r"every\s+$")
SPEC_WORD_BEFORE = re.compile(r"\b(?:advertised|theoretical|nominal|rated|peak)\s+$")
SIZED_THING = re.compile(r"\s(?!(?:of|per|less|more|fewer|lower|higher|smaller|larger|and|or|"
                         r"to|in|on|for|with|than|at|by)\b)[a-z]+\b")


def is_result(q: Quantity, quantities: list[Quantity], text: str,
              sentence: tuple[int, int], mentions: list[Mention]) -> bool:
    """Whether `q`, in `sentence`, states a result of the work rather than its set-up."""
    mentions = [m for m in mentions if m.start < q.end + NEAR and m.end > q.start - NEAR]
    if any(m.start <= q.start < m.end for m in mentions):
        return False
    if q.text.replace(".", "").isdigit() and text[q.start - 1:q.start] == " " \
            and any(m.end == q.start - 1 for m in mentions if m.type in NAME_TYPES):
        return False  # 'DuckDB 0.10', 'ClickHouse 24.3': a version
    end = q.end  # of the range q begins: 'from 96 to 1,400 GPUs'
    if RANGE_GAP.match(text, q.end):
        end = max(o.end for o in quantities if o.group == q.group)
    if q.unit not in SHARES and not (q.unit == "x" and not q.value.is_integer()) and any(
            end <= m.start <= end + 12 and HARDWARE_GAP.fullmatch(text[end:m.start])
            for m in mentions if m.type not in NAME_TYPES) \
            and not SAVING_BEFORE.search(text, max(sentence[0], q.start - 30), q.start) \
            and not (q.unit in RATES and BANDWIDTH_AFTER.match(text, q.end)):
        return False  # '8 GPUs', '80 GB of HBM' describe it; 'frees 11.2 GB of DRAM', '0.91x of
        # H100 efficiency' do not
    if not q.unit:
        first = min(o.start for o in quantities if o.group == q.group)  # 'by 0.9 and 1.4'
        return (_forecast_count(q, quantities, text, sentence)
                or _bare_change(q, quantities, text, sentence)
                or bool(BARE_COMPARATIVE.match(text, q.end))
                or bool(SCORE_BEFORE.search(text, max(sentence[0], first - 48), first))
                or bool(SCORE_AFTER.match(text, q.end))
                or bool(PAREN_OWNER.search(text, max(sentence[0], q.start - 40), q.start))
                or bool(PAREN_OWNER_AFTER.match(text, q.end))
                or bool(BARE_VERSUS_AFTER.match(text, q.end))
                or bool(FOR_NAME.match(text, q.end) and (
                    BARE_VERSUS_BEFORE.search(text, max(sentence[0], q.start - 40), q.start)
                    or FOR_LIST_BEFORE.search(text, max(sentence[0], q.start - 50), q.start)))
                or _listed_after_bare_result(q, quantities, text, sentence, mentions)
                or _part_of(q, text))
    before, after = text[sentence[0]:q.start], text[q.end:sentence[1]]
    if q.unit == "gCO2e/kWh":
        return False  # a grid's carbon intensity: 'in a region at 400 gCO2e/kWh'
    if q.unit == "tokens":  # '128K tokens' is a context length, '1.5T tokens' a corpus
        return bool(ACCEPTED_BEFORE.search(before, len(before) - 40))
    if before.endswith("at ") and (AT_CONDITION.match(after) or q.unit in LINE_RATES
                                   or q.unit == "%" and CLAUSE_AT.search(before)):
        return False  # 'at 95% recall@10', 'applications at 100 Gbps', '; at 30% conflicts,'
    scaled = before.endswith("to ") and SCALED_TO.search(before, len(before) - 60)
    if scaled and not CHANGE_VERB.search(scaled[0], 5) \
            or before.endswith("than ") and THRESHOLD_BEFORE.search(before, len(before) - 40):
        return False  # 'scaling tables to 4 TB' (not 'at the largest scale improves ... to 76%')
    if before.endswith("at ") and CONDITION.search(before.rsplit(",", 1)[-1]):
        return False
    if (before.endswith(("of ", "to ", "least ", "most "))
            and GOAL_BEFORE.search(before, len(before) - 40)) or GOAL_AFTER.match(after):
        return False  # 'an SLO attainment target of 90%', 'a fixed 200 ms TPOT budget'
    if before.endswith(("per ", "every ")) and not DOUBLING_BEFORE.search(before, len(before) - 30):
        return False  # 'per 2 MB region', 'every 15 minutes' (not 'doubled every 2.5 years')
    if SPEC_WORD_BEFORE.search(before, len(before) - 14) or RANGE_AFTER.match(after):
        return False  # 'of the advertised 200 GB/s', 'caps in the 350-700 W range'
    if SETTING_BEFORE.search(before, len(before) - 24) or INTERVAL_AFTER.match(after) \
            or q.unit == "%" and SPARSITY_AFTER.match(text, end) \
            or q.unit == "Hz" and SAMPLING_BEFORE.search(before, len(before) - 60) \
            or q.unit in SIZES and SIZE_CONDITION_BEFORE.search(before, len(before) - 60):
        return False  # 'sized to 8 GB', 'sample power at 100 Hz', 'for messages above 64 MB'
    if q.unit in SIZES and WORKLOAD_BEFORE.search(before, len(before) - 14):
        return False  # 'Sorting 100 TB', 'storing 310 TB of objects'
    if q.unit.endswith("/s") and LOAD_BEFORE.search(before, len(before) - 12):
        return False  # 'during 500 pool updates per second' is the load
    if NOT_RESULT_AFTER.match(after):
        return False
    if q.unit in SIZES and CAPACITY_AFTER.match(after) \
            and not SAVING_BEFORE.search(before, len(before) - 30):
        return False  # '80 GB of HBM' is the hardware, 'saves 3.1 GB of memory' a result
    if q.unit in SIZES and (before.endswith("for ") and SIZED_THING.match(after)
                            or SIZED_ITEMS.match(after)):
        return False  # 'for 256 MB messages', 'completes 256 MB allreduces' are the workload
    if q.unit in COMPUTE_BUDGETS and BUDGET_BEFORE.search(before, len(before) - 12):
        return False  # 'trained for 3,400 GPU hours'
    if q.unit in SIZES and (WITH_BEFORE.search(before, len(before) - 20)
                            and after.startswith(" of ")
                            or any(m.end in (q.start, q.start - 1)
                                   or text[m.end:q.start] == " with "
                                   for m in mentions if m.type not in NAME_TYPES)):
        return False  # 'with up to 2 TB of operator state', 'a Jetson AGX Orin 64GB',
        # 'an RTX A6000 with 48 GB'
    if q.unit in SIZES and before.rstrip().endswith("("):
        paren = q.start - len(before) + len(before.rstrip()) - 1
        if any(m.end <= paren and BEFORE_PAREN.fullmatch(text, m.end, paren)
               for m in mentions if m.type not in NAME_TYPES):
            return False  # 'a T4 GPU (16GB)' states the hardware
    if (q.unit in SIZES or q.unit in RATES) and SPEC_BEFORE.search(before, len(before) - 12):
        return False  # 'on a 100 Gbps network', 'with a 2 TB SSD' describe the set-up
    if q.unit in RATES and (LINK_AFTER.match(after) or PER_DEVICE.match(after)):
        return False  # '100 Gbps links', 'about 7 GB/s per PCIe 4.0 drive'
    if q.unit in POWER and (POWER_SETUP_AFTER.match(after)
                            or POWER_SETUP_BEFORE.search(before, len(before) - 40)):
        return False
    if q.unit == "parameters" and MODEL_SIZE_BEFORE.search(before, len(before) - 40) \
            and not CAPABILITY_BEFORE.search(before, len(before) - 50):
        return False  # 'models with up to 175B parameters' is the set-up
    if q.unit in (*SIZES, "parameters") and any(
            m.type == "MODEL" and q.end < m.start <= q.end + 2 for m in mentions):
        return False  # 'a 2 TB DLRM' is the size of the model
    if q.unit in DURATIONS and (before.endswith(("for ", "spanning ", "covering "))
                                or before.endswith("over ") and not OVER_BOUND.search(before)
                                or AHEAD.match(after)):
        return False  # 'trained on 2,048 TPUs for 21 days', 'forecasts 24 hours ahead'
    if q.unit in SIZES and ARTICLE_BEFORE.search(before) and SIZED_THING.match(after) \
            and not CHANGE_NOUN.match(after):
        return False  # 'a 1 TB stateful join' is the workload
    if TRAINED_ON.search(before, len(before) - 20):
        return False  # 'Trained on 39 years of ERA5', 'trained on 1.5T tokens'
    if CONDITION_BEFORE.search(before):
        return False  # 'With only 25% of the working set ...', 'For messages below 64 KB'
    return not (q.unit in DURATIONS + ("GB", "TB", "MB") and SETUP_AFTER.match(after))


def _part_of(q: Quantity, text: str) -> bool:
    """'37 of 40 cases', '49 of them': a count of the whole that the work got right."""
    part = PART_OF.match(text, q.end)
    return part is not None and q.value.is_integer() and (
        part["whole"] is None or q.value < int(part["whole"]))


def _listed_after_bare_result(q: Quantity, quantities: list[Quantity], text: str,
                              sentence: tuple[int, int], mentions: list[Mention]) -> bool:
    """'perplexities of 5.61, 4.98 and 3.41', 'a perplexity of 17.8 versus 17.6': a bare number
    listed, or set against, right after a bare result."""
    if not BARE_LIST_END.search(text, max(0, q.start - 16), q.start):
        return False  # what BARE_LIST_GAP would match does not end here
    earlier = [o for o in quantities if sentence[0] <= o.start and o.end <= q.start]
    return bool(earlier) and not earlier[-1].unit \
        and BARE_LIST_GAP.fullmatch(text, earlier[-1].end, q.start) is not None \
        and is_result(earlier[-1], quantities, text, sentence, mentions)


def _bare_change(q: Quantity, quantities: list[Quantity], text: str,
                 sentence: tuple[int, int]) -> bool:
    """'lowers the median q-error from 9.4 to 1.6' (or 'from 0.58 with a fixed tree to
    0.71'): a change of a unitless figure."""
    if text.rfind("from ", max(0, q.start - 120), q.start) < 0:
        return False  # no 'from' before either end
    pair = sorted((o for o in quantities if o.group == q.group), key=lambda o: o.start)
    if len(pair) == 1:
        pair = _ends_apart(q, quantities, text)
    return (len(pair) == 2 and text.endswith("from ", 0, pair[0].start)
            and not all(o.value.is_integer() and int(o.value) in YEARS for o in pair)
            and CHANGE_VERB.search(text, max(sentence[0], pair[0].start - 60),
                                   pair[0].start) is not None)


def _ends_apart(q: Quantity, quantities: list[Quantity], text: str) -> list[Quantity]:
    """q and the other end of 'from A <set-up phrase> to B', both unitless, else [q]."""
    for a, b in zip(quantities, quantities[1:], strict=False):
        if q in (a, b) and not a.unit and not b.unit and change_apart(text, a, b):
            return [a, b]
    return [q]


def change_apart(text: str, a: Quantity, b: Quantity) -> bool:
    """'from 1,840 ms with Flink to 96 ms': a and b are the ends of one change, a set-up
    phrase between them."""
    return (b.start - a.end <= 60 and text.endswith("from ", 0, a.start)
            and FROM_SETUP.match(text, a.end) is not None
            and TO_BEFORE.search(text, a.end, b.start) is not None)


def _forecast_count(q: Quantity, quantities: list[Quantity], text: str,
                    sentence: tuple[int, int]) -> bool:
    """Bare counts count only as a forecast range: 'we estimate ... 103-306 models'."""
    pair = [o for o in quantities if o.group == q.group]
    return (len(pair) == 2 and all(o.value.is_integer() and int(o.value) not in YEARS for o in pair)
            and bool(FORECAST.search(text, *sentence)))
