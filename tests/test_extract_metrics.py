"""The result-metric grammar, one case per test, on sentences written for the tests."""

from __future__ import annotations

import pytest

from kgraph.extract import build_nlp, extract
from kgraph.model import Paper


@pytest.fixture(scope="module")
def nlp():
    return build_nlp()


def claims(nlp, abstract: str, title: str = "Zephyr: Fast Serving"):
    ex = extract(Paper("t", title, abstract), nlp)
    return [(c.value, c.unit, c.system, c.baseline, c.hardware) for c in ex.claims]


@pytest.mark.parametrize("phrase,value,unit", [
    ("1.97x", 1.97, "x"), ("1.97×", 1.97, "x"), ("1.97X", 1.97, "x"), ("6times", 6, "x"),
    ("1.2 times", 1.2, "x"), (r"19.3\(\times\)", 19.3, "x"), (r"$19.3\times$", 19.3, "x"),
    ("60 frames per second", 60, "FPS"), ("1.4 EFLOPS", 1.4, "EFLOPS"),
    ("412 ns/day", 412, "ns/day"), ("1.26 SYPD", 1.26, "SYPD"), ("6.5 °C", 6.5, "°C"),
    ("19 tonnes of CO2-equivalent", 19, "tCO2e"), ("48 Hz", 48, "Hz"),
    ("7.8 kg CO2e", 7.8, "kgCO2e"),
    ("3-fold", 3, "x"), (r"2.08\%", 2.08, "%"), (r"\textbf{2.5$\times$}", 2.5, "x"),
    ("40%", 40, "%"), ("156 TFLOPS", 156, "TFLOPS"),
    ("25 petaflops", 25, "PFLOPS"), ("1,850 tokens/s", 1850, "tokens/s"),
    ("35,000 GPU hours", 35000, "GPU hours"), ("30FPS", 30, "FPS"), ("12 ms", 12, "ms"),
    ("4.5 points", 4.5, "points"),
])
def test_units(nlp, phrase, value, unit):
    found = claims(nlp, f"We present Zephyr. Zephyr achieves {phrase} higher throughput than vLLM.")
    assert [(v, u) for v, u, *_ in found] == [(pytest.approx(value), unit)]


def test_by_up_to_percent(nlp):
    found = claims(nlp, "We present Zephyr. Zephyr reduces latency by up to 40% over Orca.")
    assert found == [(40, "%", "Zephyr", "Orca", None)]


def test_from_to_pair(nlp):
    found = claims(nlp, "We present Zephyr, a cloud scheduler. Zephyr cuts recovery time "
                        "from 10 s to 2 s.")
    assert [(v, u) for v, u, *_ in found] == [(10, "s"), (2, "s")]


@pytest.mark.parametrize("phrase,values", [
    ("2.1–3.4x", [2.1, 3.4]), ("59% to 72%", [59, 72]), ("between 1.5X and 55X", [1.5, 55]),
    ("2-4 OOM", [100, 10000]),
])
def test_ranges_are_two_metrics(nlp, phrase, values):
    found = claims(nlp, f"We present Zephyr. Zephyr is {phrase} faster than Orca.")
    assert [v for v, *_ in found] == pytest.approx(values)


def test_respectively_pairs_baselines_in_order(nlp):
    found = claims(nlp, "We present Zephyr. Compared to Orca, vLLM and SGLang, Zephyr achieves "
                        "1.7x, 2.6x and 1.3x higher throughput, respectively.")
    assert [(v, b) for v, _, _, b, _ in found] == [(1.7, "Orca"), (2.6, "vLLM"), (1.3, "SGLang")]


def test_two_numbers_two_baselines_after(nlp):
    found = claims(nlp, "We present Zephyr. Zephyr is up to 3.9x and 1.4x faster than "
                        "FlashAttention and FlashInfer.")
    assert [(v, b) for v, _, _, b, _ in found] == [(3.9, "FlashAttention"), (1.4, "FlashInfer")]


def test_multipliers_fold_into_value(nlp):
    found = claims(nlp, "We present Zephyr, a compiler. Our model reaches 91% accuracy with "
                        "only 5.7M parameters and saves $1.2M per year.")
    assert [(v, u) for v, u, *_ in found] == [(91, "%"), (5.7e6, "parameters"), (1.2e6, "USD")]


def test_percentage_points(nlp):
    found = claims(nlp, "We present Zephyr, a compiler. Zephyr improves accuracy by 3.5 "
                        "percentage points.")
    assert [(v, u) for v, u, *_ in found] == [(3.5, "points")]


@pytest.mark.parametrize("phrase,value", [
    ("an order of magnitude faster", 10), ("two orders of magnitude lower", 100),
    ("two times higher", 2),
])
def test_spelled_numbers(nlp, phrase, value):
    found = claims(nlp, f"We present Zephyr. Zephyr gives {phrase} throughput than Orca.")
    assert [(v, u) for v, u, *_ in found] == [(value, "x")]


def test_hardware_and_system_attachment(nlp):
    found = claims(nlp, "We present Zephyr. On 512 NVIDIA V100 GPUs, Zephyr sustains 25 petaflops.")
    assert found == [(25, "PFLOPS", "Zephyr", None, "NVIDIA V100")]


def test_contrast_clause_gives_baseline(nlp):
    found = claims(nlp, "We present Zephyr. Zephyr achieves 156 TFLOPS on an RTX 4090 while "
                        "DeepSpeed only achieves 45 TFLOPS.")
    assert found == [(156, "TFLOPS", "Zephyr", "DeepSpeed", "NVIDIA RTX 4090"),
                     (45, "TFLOPS", "DeepSpeed", None, "NVIDIA RTX 4090")]


def test_our_system_means_the_proposed_one(nlp):
    found = claims(nlp, "In this paper we present Zephyr, a cloud scheduler. Our system lowers "
                        "cost by 31% compared to existing methods.", title="Fast serving")
    assert found == [(31, "%", "Zephyr", "existing methods", None)]


@pytest.mark.parametrize("sentence", [
    "We present Zephyr and run it on 512 GPUs with LLaMA-2-70B and GPT-3 175B.",
    "We present Zephyr, evaluated with 20 participants in 2023 on 85 billion requests.",
    "We present Zephyr, trained on a 500 thousand hours driving dataset.",
    "We present Zephyr. If we want to render 4k res. at 60FPS we need more.",
    "We present Zephyr, with 90% CI bounds and $10^{25}$ FLOP thresholds.",
    "We present Zephyr, a GPU video system, tuned for a target accuracy of 90%.",
    "We present Zephyr, a GPU autoscaler that meets the same 500 ms latency objective.",
    "We present Zephyr, a GPU serving system. At a load of 6 requests per second, it is stable.",
    "We present Zephyr, a GPU weather model. Trained on 39 years of reanalysis, it is accurate.",
    "We present Zephyr, a GPU cache. Models larger than 13B parameters miss more often.",
    "We present Zephyr, a GPU trace study of 2.1 million jobs collected over 6 months.",
    "We present Zephyr, evaluated on a synthetic 2 TB table with eight GPUs.",
    "We present Zephyr, which fine-tunes on a single NVIDIA RTX A6000 with 48 GB.",
])
def test_setup_numbers_are_not_results(nlp, sentence):
    assert claims(nlp, sentence) == []


def test_background_before_the_work_is_not_a_result(nlp):
    found = claims(nlp, "Models grew 1000x while GPU memory grew only 5x (16 GB to 80 GB). "
                        "We present Zephyr, which is 2x faster than Orca.")
    assert [v for v, *_ in found] == [2]


def test_forecast_ranges_of_counts(nlp):
    found = claims(nlp, "We estimate that by 2028 there will be 103-306 models above the compute "
                        "threshold (90% CI).", title="Counting models")
    assert [(v, u) for v, u, *_ in found] == [(103, ""), (306, "")]


def test_unrelated_field_yields_nothing(nlp):
    ex = extract(Paper("n", "Wetland birds after the drought",
                       "We surveyed 1,200 nests in 2019 and 2021. Nest survival fell by 35% in "
                       "drained plots among 48 colonies, and mortality was 12% higher."), nlp)
    assert not [m for m in ex.mentions if m.type not in ("SYSTEM", "MODEL", "DATASET")]
    assert all(c.system is None for c in ex.claims)


def test_capacity_in_a_setup_is_not_a_result(nlp):
    found = claims(nlp, "We present Zephyr. On a server with 256 GB of DRAM and 80GB GPUs, Zephyr "
                        "sustains 1.2 million operations per second.")
    assert [(v, u) for v, u, *_ in found] == [(1.2e6, "ops/s")]


def test_over_a_link_is_not_a_baseline(nlp):
    found = claims(nlp, "We present Zephyr. Zephyr cuts latency by 45% with tensor parallelism "
                        "over NVLink.")
    assert found == [(45, "%", "Zephyr", None, "NVLink")]


def test_clinical_abstract_yields_no_claims(nlp):
    ex = extract(Paper("c", "Mindfulness Training and Nurse Burnout: A Randomized Trial",
                       "We randomized 240 nurses to an 8-week program. Burnout decreased by 23% "
                       "compared with 4% in controls (p < 0.01)."), nlp)
    assert ex.claims == () and ex.mentions == ()


def test_over_a_number_is_not_a_comparison(nlp):
    found = claims(nlp, "We present Zephyr. Zephyr trains models of over 100B parameter on 400 "
                        "GPUs, achieving 15 petaflops.")
    assert [(v, u, b) for v, u, _, b, _ in found] == [(15, "PFLOPS", None)]


def test_hardware_specs_are_not_results(nlp):
    found = claims(nlp, "We present Zephyr. With 100 Gbps RDMA NICs and Samsung PM1733 SSDs, "
                        "Zephyr cuts p99 latency by 5.3x.")
    assert [(v, u) for v, u, *_ in found] == [(5.3, "x")]


def test_bare_comparative_numbers(nlp):
    found = claims(nlp, "We present Zephyr. Zephyr yields 0.7 better perplexity than GPT-2.")
    assert found == [(0.7, "", "Zephyr", "GPT-2", None)]


def test_absolute_number_leaves_the_comparison_to_the_relative_one(nlp):
    found = claims(nlp, "We present Zephyr. Zephyr serves Llama-2-70B at 5.6 tokens/s, 2.7x faster "
                        "than Orca and 1.4x faster than vLLM.")
    assert [(v, u, b) for v, u, _, b, _ in found] == [
        (5.6, "tokens/s", None), (2.7, "x", "Orca"), (1.4, "x", "vLLM")]


def test_elliptical_second_comparison(nlp):
    found = claims(nlp, "We present Zephyr. Zephyr outperforms Orca by 1.8x for long prompts and "
                        "vLLM by 35% for short ones.")
    assert [(v, b) for v, _, _, b, _ in found] == [(1.8, "Orca"), (35, "vLLM")]


def test_sized_workload_is_not_a_result(nlp):
    found = claims(nlp, "We present Zephyr. Zephyr beats Orca by 1.8x for 256 MB messages.")
    assert [(v, u) for v, u, *_ in found] == [(1.8, "x")]


def test_adjacent_names_compare_to_the_last(nlp):
    found = claims(nlp, "We present Zephyr. Zephyr is 3.1x faster than vLLM PagedAttention.")
    assert [(v, b) for v, _, _, b, _ in found] == [(3.1, "PagedAttention")]
    found = claims(nlp, "We present Zephyr. Zephyr is 3.1x faster than DeepSpeed ZeRO-Infinity.")
    assert [(v, b) for v, _, _, b, _ in found] == [(3.1, "DeepSpeed ZeRO-Infinity")]  # one name


@pytest.mark.parametrize("phrase,value", [
    ("an AUC of 0.94", 0.94), ("a BLEU score of 34.5", 34.5), ("0.91 F1", 0.91)])
def test_bare_scores_are_results(nlp, phrase, value):
    found = claims(nlp, f"We present Zephyr, a model for GPU cluster logs. Zephyr reaches {phrase} "
                        "on the held-out queries.")
    assert [(v, u) for v, u, *_ in found] == [(pytest.approx(value), "")]


def test_absolute_number_after_a_relative_comparison_has_no_baseline(nlp):
    found = claims(nlp, "We present Zephyr. Zephyr commits 2.3x more transactions than Orca, "
                        "with a median latency of 18 us.")
    assert [(v, b) for v, _, _, b, _ in found] == [(2.3, "Orca"), (18, None)]


def test_numbers_on_named_hardware_are_results_on_that_hardware(nlp):
    found = claims(nlp, "We present Zephyr. Zephyr improves throughput by 1.2x on A100 and 1.4x on "
                        "L40S compared to Orca.")
    assert found == [(1.2, "x", "Zephyr", "Orca", "NVIDIA A100"),
                     (1.4, "x", "Zephyr", "Orca", "NVIDIA L40S")]


def test_more_than_a_count_is_no_baseline(nlp):
    found = claims(nlp, "We present Zephyr. With Zephyr, the mean time between failures is "
                        "2.3 hours for jobs using more than 4,096 GPUs.")
    assert [(v, u, b) for v, u, _, b, _ in found] == [(2.3, "h", None)]


def test_baseline_phrase_drops_a_trailing_conjunction(nlp):
    found = claims(nlp, "We present Zephyr. Zephyr reduces latency by 2.4x compared with "
                        "incremental decoding and by 1.6x compared with Medusa.")
    assert [(v, b) for v, _, _, b, _ in found] == [(2.4, "incremental decoding"), (1.6, "Medusa")]


def test_duration_of_logs_is_set_up(nlp):
    found = claims(nlp, "We analyze 2.5 years of failure logs from a GPU cluster. We build Zephyr, "
                        "which predicts failures with 91% precision.")
    assert [(v, u) for v, u, *_ in found] == [(91, "%")]


def test_a_new_verb_ends_the_comparison(nlp):
    found = claims(nlp, "We present Zephyr. Zephyr cuts checkpoint stalls by 116x and reaches "
                        "28 GB/s, an order of magnitude higher than Orca.")
    assert [(v, b) for v, _, _, b, _ in found] == [(116, None), (28, None), (10, "Orca")]


def test_within_a_share_of_a_baseline(nlp):
    found = claims(nlp, "We present Zephyr, a GPU kernel tuner. Zephyr generates kernels within 5% "
                        "of Ansor's performance.")
    assert [(v, u, b) for v, u, _, b, _ in found] == [(5, "%", "Ansor")]


def test_a_closing_comparison_covers_every_number_of_the_clause(nlp):
    found = claims(nlp, "We present Zephyr. Zephyr improves performance by 2.8x and reduces energy "
                        "by 41% compared to Orca.")
    assert [(v, b) for v, _, _, b, _ in found] == [(2.8, "Orca"), (41, "Orca")]


def test_energy_and_link_units(nlp):
    found = claims(nlp, "We present Zephyr, a photonic interconnect for accelerators. Zephyr "
                        "delivers 4 Tbps per link at 1.2 pJ/bit.")
    assert [(v, u) for v, u, *_ in found] == [(4, "Tbps"), (1.2, "pJ/bit")]


def test_a_share_of_named_memory_is_a_result(nlp):
    found = claims(nlp, "We present Zephyr. Zephyr keeps query latency within 8% of local DRAM.")
    assert [(v, u) for v, u, *_ in found] == [(8, "%")]


def test_model_size_before_a_model_is_set_up(nlp):
    found = claims(nlp, "We present Zephyr, a GPU embedding cache. Training a 2 TB DLRM on 4 "
                        "nodes, Zephyr is 3.2x faster than TorchRec.")
    assert [(v, u, b) for v, u, _, b, _ in found] == [(3.2, "x", "TorchRec")]


def test_order_of_magnitude_after_by_and_energy_totals(nlp):
    found = claims(nlp, "We present Zephyr, a GPU scheduler. Zephyr cuts memory traffic by an "
                        "order of magnitude and would have saved 1.2 GWh.")
    assert [(v, u) for v, u, *_ in found] == [(10, "x"), (1.2, "GWh")]


def test_a_number_is_no_baseline_name(nlp):
    found = claims(nlp, "We present Zephyr. Zephyr reaches 40 TFLOPS on a V100 GPU compared to "
                        "30TF using PyTorch alone.")
    assert [(v, b) for v, _, _, b, _ in found][:1] == [(40, None)]


def test_than_a_name_starting_with_a_digit(nlp):
    found = claims(nlp, "We introduce Zephyr, a pipeline schedule for GPUs. Zephyr achieves 23% "
                        "higher throughput than 1F1B and 15% higher than interleaved 1F1B, "
                        "reaching a model FLOPs utilization of 57%.")
    assert [(v, b) for v, _, _, b, _ in found] == [
        (23, "1F1B"), (15, "1F1B"), (57, None)]  # the name inside the phrase


@pytest.mark.parametrize("sentence", [
    "Zephyr trains GPT-style models with up to 175B parameters 1.3x faster than Orca.",
    "Zephyr runs Mixtral 8x7B on a single T4 GPU (16GB) 1.3x faster than Orca.",
    "Zephyr trains models ranging from 100M to 52B parameters 1.3x faster than Orca.",
    "Trained on 2,048 GPUs for 21 days, Zephyr is 1.3x faster than Orca.",
    "On a cluster that has grown from 96 to 1,400 GPUs, Zephyr is 1.3x faster than Orca.",
    "Zephyr trains GPT-style models with 7B to 70B parameters 1.3x faster than Orca.",
    "On a Jetson AGX Orin in its 30 W mode, Zephyr is 1.3x faster than Orca.",
    "Under power budgets of 15 to 60 W, Zephyr is 1.3x faster than Orca.",
    "Over 400 Gbps links, Zephyr is 1.3x faster than Orca.",
    "Zephyr completes a 1 TB join 1.3x faster than Orca.",
    "With only 25% of the data in DRAM, Zephyr is 1.3x faster than Orca.",
    "For messages below 64 KB, Zephyr is 1.3x faster than Orca.",
    "Zephyr plans 24 hours ahead and is 1.3x faster than Orca.",
    "Zephyr is 1.3x faster than Orca at 95% SLO attainment.",
    "Zephyr completes 256 MB allreduces 1.3x faster than Orca.",
    "Trained for 3,400 GPU hours, Zephyr is 1.3x faster than Orca.",
    "Zephyr trains GPT-style models with 13B, 39B and 175B parameters 1.3x faster than Orca.",
    "Under the same SLO attainment target of 90%, Zephyr is 1.3x faster than Orca.",
    "At a fixed 200 ms TPOT budget, Zephyr is 1.3x faster than Orca.",
    "Zephyr re-plans every 15 minutes and is 1.3x faster than Orca.",
    "Zephyr aggregates counters per 2 MB region and is 1.3x faster than Orca.",
    "On traces spanning 14 days, Zephyr is 1.3x faster than Orca.",
    "In experiments at 100 Gbps, Zephyr is 1.3x faster than Orca.",
    "Zephyr is 1.3x faster than Orca at 95% recall@10.",
    "Scaling embedding tables to 4 TB, Zephyr is 1.3x faster than Orca.",
    "With up to 2 TB of operator state, Zephyr is 1.3x faster than Orca.",
    "On a Jetson AGX Orin 64GB, Zephyr is 1.3x faster than Orca.",
    "Zephyr is 1.3x faster than Orca and avoids write stalls longer than 100 ms.",
    "Under a keep-alive policy of 10 minutes, Zephyr is 1.3x faster than Orca.",
    "Under a latency SLO of 200 ms per token, Zephyr is 1.3x faster than Orca.",
    "Storing 310 TB of objects, Zephyr is 1.3x faster than Orca.",
    "During 500 pool updates per second, Zephyr is 1.3x faster than Orca.",
    "Zephyr uses each DPU's 64 KB WRAM and is 1.3x faster than Orca.",
    "On 48 hours of video, Zephyr is 1.3x faster than Orca.",
    "Zephyr trains models from 6.7B to 65B parameters 1.3x faster than Orca.",
    "Zephyr is 1.3x faster than DuckDB 0.10 and ClickHouse 24.3.",
    "Zephyr is 1.3x faster than Orca while meeting a 50 µs 99th-percentile latency target.",
    "When 75% of the working set lives in CXL memory, Zephyr is 1.3x faster than Orca.",
    "Zephyr commits fast; at 30% conflicting commands, it is 1.3x faster than Orca.",
    "Zephyr is 1.3x faster than Orca, although limited by the 900 MB of in-processor memory.",
    "On an RTX 4070 Ti (12 GB), Zephyr is 1.3x faster than Orca.",
    "With SSDs (about 7 GB/s per PCIe 4.0 drive), Zephyr is 1.3x faster than Orca.",
    "After 40% of the rows are updated, Zephyr is 1.3x faster than Orca.",
    "With the expert cache sized to 8 GB, Zephyr is 1.3x faster than Orca.",
    "Sampling board power at 100 Hz, we find Zephyr is 1.3x faster than Orca.",
    "Capping GPU power at 500 W, Zephyr is still 1.3x faster than Orca.",
    "Zephyr is 1.3x faster than Orca at the same 1 s median latency.",
    "Zephyr is 1.3x faster than Orca (for all-reduce messages above 64 MB).",
    "On TPC-DS at scale factor 10,000 (10 TB), Zephyr is 1.3x faster than Orca.",
    "On a service that stores 2.1 PB, Zephyr is 1.3x faster than Orca.",
    "With a 50% insert ratio, Zephyr is 1.3x faster than Orca.",
    "Using 18 months of price history, Zephyr is 1.3x faster than Orca.",
    "We release 1.2 TB of power traces; Zephyr is 1.3x faster than Orca.",
    "Zephyr is 1.3x faster than Orca for messages of 256 MB and above.",
    "Sampling power at 10 ms intervals, we find Zephyr is 1.3x faster than Orca.",
    "Over 14 months of telemetry, Zephyr is 1.3x faster than Orca.",
    "With one stage slowed by 40%, Zephyr is 1.3x faster than Orca.",
    "In a region at 400 gCO2e/kWh, Zephyr is 1.3x faster than Orca.",
    "Zephyr measures only the top 2% of candidates and is 1.3x faster than Orca.",
    "On models pruned to 70-90% sparsity, Zephyr is 1.3x faster than Orca.",
    "On an MCU with 2 MB of flash, Zephyr is 1.3x faster than Orca.",
    "On camera frames arriving at 30 FPS, Zephyr is 1.3x faster than Orca.",
    "On the 4 TB workload, Zephyr is 1.3x faster than Orca.",
    "Zephyr cuts the time to reach 80% accuracy 1.3x more than Orca.",
    "With eight 400 Gb/s rails per server, Zephyr is 1.3x faster than Orca.",
    "Jobs of the worst-off 10% of users finish 1.3x sooner with Zephyr than with Orca.",
    "Zephyr classifies pages at 2 MB granularity and is 1.3x faster than Orca.",
])
def test_set_up_numbers_beside_a_result_are_not_results(nlp, sentence):
    """Model sizes, hardware specs, conditions, goals, intervals, item sizes and budgets."""
    found = claims(nlp, f"We present Zephyr, a GPU system. {sentence}")
    assert [(v, u) for v, u, *_ in found] == [(1.3, "x")]


def test_unitless_change_from_a_to_b(nlp):
    found = claims(nlp, "We integrate Zephyr, a learned estimator, into a database. Zephyr lowers "
                        "the median q-error from 9.4 to 1.6 on CPU servers.")
    assert [(v, u) for v, u, *_ in found] == [(9.4, ""), (1.6, "")]


@pytest.mark.parametrize("sentence,values", [
    ("Write amplification falls from 14.1 to 5.3 on SSD servers.", [14.1, 5.3]),
    ("Zephyr lowers WikiText-2 perplexity by 0.9 and 1.4 on GPUs.", [0.9, 1.4]),
    ("Zephyr keeps AUC within 0.0004 of the GPU baseline.", [0.0004]),
    ("It completes a scale-out from 8 to 16 nodes after it reduces GPU memory by 2x.", [2]),
])
def test_bare_changes_and_scores(nlp, sentence, values):
    found = claims(nlp, f"We present Zephyr, a GPU system. {sentence}")
    assert [v for v, *_ in found] == values


def test_metric_words_of_an_intransitive_change_are_its_subject(nlp):
    ex = extract(Paper("t", "Kiln: Compaction", "We present Kiln, an SSD compaction engine. "
                       "Write amplification falls from 14.1 to 5.3, and CPU time drops by 88%."),
                 nlp)
    assert [c.metric for c in ex.claims] == ["Write amplification"] * 2 + ["CPU time"]


def test_link_speed_of_the_set_up_and_coordinated_results(nlp):
    found = claims(nlp, "We present Zephyr. On a 100 Gbps network, Zephyr shows speedups of up to "
                        "3.1x over Orca and a 40% reduction in traffic relative to PowerSGD.")
    assert [(v, b) for v, _, _, b, _ in found] == [(3.1, "Orca"), (40, "PowerSGD")]


def test_metric_words_name_what_changed(nlp):
    ex = extract(Paper("t", "Zephyr: Fast Serving", "We present Zephyr. Zephyr reduces tail "
                       "latency by 56% and lowers the cost per million tokens from $1.20 to $0.45. "
                       "Zephyr shows speedups of up to 3.1x over Orca."), nlp)
    assert [(c.value, c.metric) for c in ex.claims] == [
        (56, "tail latency"), (1.2, "cost per million tokens"), (0.45, "cost per million tokens"),
        (3.1, "speedups")]


def test_results_before_any_we_sentence_count_once_the_system_is_named(nlp):
    found = claims(nlp, "Serving needs GPUs. Prior systems are 2x slower than ideal. Zephyr "
                        "places prefill on H100 GPUs and improves goodput by 1.4x over vLLM. We "
                        "release the code.")
    assert found == [(1.4, "x", "Zephyr", "vLLM", "NVIDIA H100")]


def test_a_number_in_the_title_is_a_headline_result(nlp):
    found = claims(nlp, "Zephyr decodes on the phone NPU.",
                   title="Zephyr: LLM Decoding on Smartphones at 20 Tokens per Second")
    assert found == [(20, "tokens/s", "Zephyr", None, None)]


@pytest.mark.parametrize("phrase,value,unit", [
    ("31 million events/s", 31e6, "events/s"),
    ("1.3 Million TPC-C Transactions per Second", 1.3e6, "transactions/s"),
    ("1.1 million samples per second", 1.1e6, "samples/s"),
])
def test_any_rate_per_second(nlp, phrase, value, unit):
    found = claims(nlp, f"We present Zephyr. Zephyr sustains {phrase} on CPUs.")
    assert [(v, u) for v, u, *_ in found] == [(pytest.approx(value), unit)]


def test_a_conjunction_is_no_hardware_count_and_rather_than_no_comparison(nlp):
    found = claims(nlp, "We present Zephyr. The speed-up over llama.cpp narrows to 3.2x because "
                        "PCIe bandwidth, rather than prediction, becomes the bottleneck.")
    assert [(v, b) for v, _, _, b, _ in found] == [(3.2, "llama.cpp")]


def test_a_list_of_baselines_after_the_numbers_pairs_in_order(nlp):
    found = claims(nlp, "We present Zephyr. Zephyr improves goodput by 1.4x, 2.2x and 3.0x over "
                        "DistServe, Splitwise and vLLM, respectively.")
    assert [(v, b) for v, _, _, b, _ in found] == [
        (1.4, "DistServe"), (2.2, "Splitwise"), (3.0, "vLLM")]


@pytest.mark.parametrize("sentence,baseline", [
    ("Zephyr stays within 5% of an exhaustive search.", "exhaustive search"),
    ("Its accuracy stays within 0.2 points of the FP16 model.", "FP16 model"),
    ("Zephyr cuts the bubble ratio by 41% relative to interleaved pipelines and improves "
     "throughput by a lot.", "interleaved pipelines"),
    ("Zephyr is 8% slower than batched commits because batching adds latency.", "batched commits"),
])
def test_a_baseline_phrase_ends_where_a_new_clause_begins(nlp, sentence, baseline):
    found = claims(nlp, f"We present Zephyr, a GPU system. {sentence}")
    assert [b for _, _, _, b, _ in found] == [baseline]


def test_twice_the_speed_of(nlp):
    found = claims(nlp, "We present Zephyr. It decodes at roughly twice the speed of llama.cpp.")
    assert [(v, u) for v, u, *_ in found] == [(2, "x")]


def test_a_score_right_before_its_number(nlp):
    found = claims(nlp, "We present Zephyr, a GPU recommender. Model accuracy (AUC 0.8027) "
                        "matches in-memory training.")
    assert [(v, u) for v, u, *_ in found] == [(0.8027, "")]


def test_a_comparison_right_before_by_binds_its_numbers(nlp):
    found = claims(nlp, "We present Zephyr, a cache. Zephyr reduces the miss ratio relative to "
                        "LRU by between 4% and 19% on traces, and it outperforms ARC on most "
                        "traces.")
    assert [(v, b) for v, _, _, b, _ in found] == [(4, "LRU"), (19, "LRU")]


def test_a_short_name_after_its_organisation_form_is_one_system(nlp):
    ex = extract(Paper("t", "Zephyr: streams", "We present Zephyr, a stream processor built on "
                       "Apache Flink. Zephyr rescales 3x faster than Flink."), nlp)
    assert {m.canonical for m in ex.mentions if m.text == "Flink"} == {"Apache Flink"}
    assert [c.baseline for c in ex.claims] == ["Apache Flink"]


def test_the_before_value_of_a_change_belongs_to_the_named_baseline(nlp):
    found = claims(nlp, "We present Zephyr, a serving system. It reduces p99 TTFT from 120 ms to "
                        "45 ms relative to DistServe.")
    assert [(v, s, b) for v, _, s, b, _ in found] == [
        (120, "DistServe", None), (45, "Zephyr", "DistServe")]


def test_a_figure_for_a_named_system_is_its_own(nlp):
    found = claims(nlp, "We present Zephyr, a database. Under contention its abort rate stays "
                        "under 2%, compared with 38% for Silo.")
    assert [(v, s, b) for v, _, s, b, _ in found] == [(2, "Zephyr", "Silo"), (38, "Silo", None)]


def test_a_study_of_several_systems_has_no_own_system(nlp):
    found = claims(nlp, "We study stencils on Summit and Frontier. The code reaches 91% of peak "
                        "bandwidth on GPUs.", title="Performance Portability on Leadership Systems")
    assert [(v, s) for v, _, s, _, _ in found] == [(91, None)]


@pytest.mark.parametrize("phrase,value", [
    ("a two-fold", 2), ("a threefold", 3), ("a factor of 1.5 in", 1.5)])
def test_fold_words_and_factors_are_ratios(nlp, phrase, value):
    found = claims(nlp, f"We present Zephyr. Zephyr gives {phrase} reduction of latency over Orca.")
    assert [(v, u) for v, u, *_ in found] == [(value, "x")]


def test_a_saving_of_memory_is_a_result_and_factors_cover_lists(nlp):
    found = claims(nlp, "We present Zephyr, a serverless runtime. Page sharing saves 3.1 GB of "
                        "memory per server, and Zephyr lowers latency by a factor of 1.5 and 1.3 "
                        "relative to Orca and Nexus, respectively.")
    assert [(v, u) for v, u, *_ in found] == [(3.1, "GB"), (1.5, "x"), (1.3, "x")]


def test_a_headline_number_repeated_in_the_abstract_is_one_claim(nlp):
    found = claims(nlp, "We present Zephyr, a GPU decoder. Zephyr is 3.4x faster than Orca.",
                   title="Zephyr: 3.4x Faster Decoding")
    assert [(v, b) for v, _, _, b, _ in found] == [(3.4, "Orca")]


def test_bare_figures_set_side_by_side(nlp):
    found = claims(nlp, "We present Zephyr, an LLM decoder. The average number of tokens accepted "
                        "per step is 3.6, compared with 2.4 for Medusa.")
    assert [(v, s, b) for v, _, s, b, _ in found] == [
        (3.6, "Zephyr", "Medusa"), (2.4, "Medusa", None)]


@pytest.mark.parametrize("sentence,before", [
    ("It cuts p99 latency from 1,840 ms with Flink to 96 ms.", "Flink"),
    ("It cuts cold starts from 1.9 s with OpenWhisk's default path to 87 ms.", "OpenWhisk"),
    ("It raises utilisation from 46% with the default schedule of PaxML to 58%.", "PaxML"),
])
def test_from_a_with_a_named_system_to_b(nlp, sentence, before):
    found = claims(nlp, f"We present Zephyr, a serverless runtime. {sentence}")
    assert [(s, b) for _, _, s, b, _ in found] == [(before, None), ("Zephyr", before)]


def test_both_ends_of_a_change_with_a_set_up_phrase_between_name_the_metric(nlp):
    ex = extract(Paper("t", "Zephyr: Trees", "We present Zephyr, a speculative decoder. The "
                       "adaptive tree raises the mean acceptance rate from 0.58 with a fixed "
                       "tree to 0.71, and cuts p99 latency from 1,840 ms with Flink to 96 ms."),
                 nlp)
    assert [(c.value, c.metric) for c in ex.claims] == [
        (0.58, "mean acceptance rate"), (0.71, "mean acceptance rate"),
        (1840, "p99 latency"), (96, "p99 latency")]


def test_a_name_in_a_set_up_phrase_is_no_subject(nlp):
    found = claims(nlp, "We present Zephyr, a quantiser. On eight NPUs, decoding throughput for "
                        "LLaMA-3-70B reaches 1,870 tokens/s.")
    assert [(v, s) for v, _, s, _, _ in found] == [(1870, "Zephyr")]


def test_a_pronoun_subject_is_the_papers_system_again(nlp):
    found = claims(nlp, "We present Zephyr, a stream processor. Zephyr rescales in 2.3 s, whereas "
                        "Flink needs 96 s, and it keeps p99 latency below 180 ms.")
    assert [(v, s, b) for v, _, s, b, _ in found] == [
        (2.3, "Zephyr", "Flink"), (96, "Flink", None), (180, "Zephyr", None)]


def test_a_system_built_with_an_appositive_is_the_papers_own(nlp):
    found = claims(nlp, "We extend the Triton compiler and use it to build Kestrel, a family of "
                        "attention kernels. On an H100, the kernel is 1.3x faster than cuDNN and "
                        "Triton is used unchanged.", title="FP8 Attention Kernels for Hopper")
    assert [(v, s, b) for v, _, s, b, _ in found] == [(1.3, "Kestrel", "cuDNN")]


@pytest.mark.parametrize("tail", ["found by offline search", "of 10 minutes",
                                  "in less than 40 seconds"])
def test_a_baseline_phrase_drops_participle_and_number_tails(nlp, tail):
    found = claims(nlp, f"We present Zephyr, a memory tiering system for servers. Its slowdown "
                        f"is within 2% of the optimum placement {tail}.")
    assert [(v, b) for v, _, _, b, _ in found][0] == (2, "optimum placement")


def test_n_times_the_metric_of_a_baseline(nlp):
    found = claims(nlp, "We present Zephyr, a SmartNIC offload. Zephyr achieves 2.1x the "
                        "throughput of gRPC over the Linux kernel network stack.")
    assert [(v, b) for v, _, _, b, _ in found] == [(2.1, "gRPC")]


@pytest.mark.parametrize("sentence,value,unit", [
    ("Zephyr frees 11.2 GB of DRAM on GPU servers.", 11.2, "GB"),
    ("Kernels reach 1.37 TB/s of HBM bandwidth per GPU die.", 1.37, "TB/s"),
    ("Its tables need 56 KB of SRAM on the GPU.", 56, "KB"),
    ("The logic occupies 0.018 mm² per GPU channel.", 0.018, "mm2"),
    ("Zephyr reaches the same AUC (0.8032) on GPUs.", 0.8032, ""),
    ("Zephyr reaches 41.7 GOPS/W on the accelerator.", 41.7, "GOPS/W"),
])
def test_figures_of_memory_bandwidth_area_and_efficiency(nlp, sentence, value, unit):
    found = claims(nlp, f"We present Zephyr, a GPU system. {sentence}")
    assert [(v, u) for v, u, *_ in found] == [(pytest.approx(value), unit)]


def test_only_a_share_of_the_advertised_figure(nlp):
    found = claims(nlp, "We present Zephyr, a GPU benchmark. Transfers reach 148 GB/s, only 74% "
                        "of the advertised 200 GB/s.")
    assert [v for v, *_ in found] == [148, 74]


def test_a_plain_title_phrase_gives_way_to_the_system_the_paper_builds(nlp):
    found = claims(nlp, "We build EC-Ferry, an erasure-coded object store for servers. EC-Ferry "
                        "cuts repair time by 42%.",
                   title="Repair Without Hotspots: Chained Partial Decoding")
    assert [(v, s) for v, _, s, _, _ in found] == [(42, "EC-Ferry")]


def test_a_list_of_figures_for_named_systems(nlp):
    found = claims(nlp, "We present Pinwheel, a GPU training schedule. Pinwheel reaches 52.3% MFU, "
                        "compared with 41.0% for the interleaved schedule of Megatron-LM and "
                        "38.5% for DeepSpeed.")
    assert [(v, s, b) for v, _, s, b, _ in found] == [
        (52.3, "Pinwheel", "Megatron-LM"), (41.0, "Megatron-LM", None), (38.5, "DeepSpeed", None)]


def test_a_bare_figure_for_a_described_system(nlp):
    found = claims(nlp, "We present Anchor, a learned estimator for database servers. Its median "
                        "q-error is 1.31, versus 4.7 for NeuroCard and 2.9 for the default "
                        "PostgreSQL estimator.", title="Anchor: Estimation")
    assert [(v, s) for v, _, s, _, _ in found] == [
        (1.31, "Anchor"), (4.7, "NeuroCard"), (2.9, "PostgreSQL")]


def test_bare_figures_for_listed_systems(nlp):
    found = claims(nlp, "We present Lantern, a GPU quantiser. Lantern reaches a perplexity of "
                        "3.41, compared with 3.95 for SmoothQuant and 3.52 for QuaRot.")
    assert [(v, s) for v, _, s, _, _ in found] == [
        (3.41, "Lantern"), (3.95, "SmoothQuant"), (3.52, "QuaRot")]


@pytest.mark.parametrize("phrase,value,unit", [
    ("0.42 J per output token", 0.42, "J/token"), ("3.1 mJ/token", 3.1, "mJ/token"),
    ("16 GW", 16, "GW")])
def test_energy_per_item_and_gigawatts(nlp, phrase, value, unit):
    found = claims(nlp, f"We present Zephyr, a GPU runtime. Zephyr draws {phrase} on GPUs.")
    assert [(v, u) for v, u, *_ in found] == [(value, unit)]


def test_a_list_of_subjects_pairs_with_its_numbers_respectively(nlp):
    found = claims(nlp, "We present Lodestar, a load balancer for servers. Lodestar breaks no "
                        "connections, whereas SilkRoad and Cheetah break 0.41% and 0.12% of "
                        "connections, respectively.")
    assert [(v, s) for v, _, s, _, _ in found] == [(0.41, "SilkRoad"), (0.12, "Cheetah")]


@pytest.mark.parametrize("phrase,value,unit", [
    (r"$2.1 \times 10^{25}$ FLOP", 2.1e25, "FLOP"), ("3 x 10^6 requests per second", 3e6,
                                                    "requests/s"),
    ("38 tCO2e", 38, "tCO2e")])
def test_scientific_notation_and_carbon_units(nlp, phrase, value, unit):
    found = claims(nlp, f"We present Zephyr, a GPU estimator. Zephyr estimates {phrase}.")
    assert [(v, u) for v, u, *_ in found] == [(pytest.approx(value), unit)]


def test_a_list_of_bare_scores(nlp):
    found = claims(nlp, "We present SlimQuant, a GPU quantiser. It attains WikiText-2 "
                        "perplexities of 5.61, 4.98 and 3.41 on three models, and accuracy drops "
                        "by less than 1 point.")
    assert [(v, u) for v, u, *_ in found] == [(5.61, ""), (4.98, ""), (3.41, ""), (1, "points")]


def test_findings_about_the_setting_are_nobodys_results(nlp):
    found = claims(nlp, "We analyze a trace of GPU functions. We find that GPU cold starts last "
                        "up to 41 s. We design Warmly, which cuts cold-start time by 62%.",
                   title="Warmly: Keep-Alive for Serverless GPUs")
    assert [(v, s) for v, _, s, _, _ in found] == [(41, None), (62, "Warmly")]


def test_a_defining_sentence_names_the_papers_system_over_a_frequent_method(nlp):
    found = claims(nlp, "Fine-tuning with LoRA still needs GPUs. Lodestar is an offloading runtime "
                        "for LoRA. With LoRA rank 16, Lodestar reaches 1,240 tokens/s and LoRA "
                        "jobs use 83% of the GPU.", title="SSD-Aware Offloading with Lodestar")
    assert {s for _, _, s, _, _ in found} == {"Lodestar"}


def test_a_model_as_subject_stands_for_the_papers_system(nlp):
    ex = extract(Paper("t", "Sluice: Fast Input Pipelines", "We present Sluice, a data loader "
                       "for GPUs. Training is 1.7x faster, yet ViT-B/16 still reaches 81.1% "
                       "top-1 accuracy."), nlp)
    assert [(c.value, c.system, c.metric) for c in ex.claims] == [
        (1.7, "Sluice", "faster"), (81.1, "Sluice", "top-1 accuracy")]
    study = extract(Paper("t", "Measuring inference", "We measure serving on GPUs. "
                          "LLaMA-2-7B reaches 41 tokens/s."), nlp)
    assert [(c.value, c.system) for c in study.claims] == [(41, "LLaMA-2-7B")]


@pytest.mark.parametrize("sentence,value", [
    ("Zephyr cuts cost by 18% while meeting 97% of deadlines.", 97),
    ("Zephyr shortens reductions, raising strong-scaling efficiency to 73%.", 73),
])
def test_shares_that_name_a_goal_or_scaling_are_results(nlp, sentence, value):
    found = claims(nlp, f"We present Zephyr, a GPU solver. {sentence}")
    assert value in [v for v, *_ in found]


def test_the_first_end_of_a_change_is_the_state_before(nlp):
    found = claims(nlp, "We present Zephyr, a GPU recommender. Compared with FBGEMM, Zephyr "
                        "reduces p99 latency from 41 ms to 17 ms. It cuts wait time from 2.9 "
                        "hours to 1.1 hours. Speedups range from 1.4x to 2.1x.")
    assert [(v, s, b) for v, _, s, b, _ in found] == [
        (41, "FBGEMM", None), (17, "Zephyr", "FBGEMM"), (2.9, None, None), (1.1, "Zephyr", None),
        (1.4, "Zephyr", None), (2.1, "Zephyr", None)]


def test_an_opening_comparison_is_not_claimed_by_the_sentence_before(nlp):
    found = claims(nlp, "We present Zephyr, a GPU quantizer. Decoding is 1.8x faster than with "
                        "GPTQ. Compared with AWQ at the same budget, Zephyr improves accuracy by "
                        "2.3 points.")
    assert [(v, b) for v, _, _, b, _ in found] == [(1.8, "GPTQ"), (2.3, "AWQ")]


def test_a_multiple_or_share_of_anothers_figure_compares_with_it(nlp):
    found = claims(nlp, "We present Zephyr, a GPU collective library. Zephyr reaches 187 GB/s, "
                        "1.6x that of NCCL and 2.9x that of Open MPI, and 88% of the throughput "
                        "of FlashAttention-3.")
    assert [(v, b) for v, _, _, b, _ in found] == [
        (187, None), (1.6, "NCCL"), (2.9, "Open MPI"), (88, "FlashAttention-3")]


def test_a_later_relative_figure_keeps_the_sentences_named_baseline(nlp):
    found = claims(nlp, "We present Zephyr, a GPU data loader. Zephyr raises GPU utilization from "
                        "54% with the PyTorch DataLoader to 93% and shortens time-to-accuracy by "
                        "1.7x, within 2% of an ideal loader.")
    assert [(v, s, b) for v, _, s, b, _ in found] == [
        (54, "PyTorch DataLoader", None), (93, "Zephyr", "PyTorch DataLoader"),
        (1.7, "Zephyr", "PyTorch DataLoader"), (2, "Zephyr", "ideal loader")]


def test_scores_after_a_qualifier_and_a_unit_named_before(nlp):
    found = claims(nlp, "We present Zephyr, a GPU quantizer. It increases WikiText-2 perplexity "
                        "by only 0.21 and 0.34. Zephyr lowers LLC MPKI from 14.2 (Bingo) to 9.7.")
    assert [(v, u, s, b) for v, u, s, b, _ in found] == [
        (0.21, "", "Zephyr", None), (0.34, "", "Zephyr", None),
        (14.2, "MPKI", "Bingo", None), (9.7, "MPKI", "Zephyr", "Bingo")]


def test_a_clause_is_no_baseline_phrase(nlp):
    found = claims(nlp, "We present Zephyr, a GPU pipeline. Zephyr serves Llama-3-8B at\n"
                        "2.4$\\times$ the throughput of a sequential RAG pipeline and cuts p99 "
                        "latency from 3.1 s\nto 1.2 s on one node, while recall changes by at "
                        "most $\\pm$0.2\\%.")
    assert [b for _, _, _, b, _ in found] == [None] * 4


def test_anothers_figure_set_beside_a_result_in_parentheses(nlp):
    found = claims(nlp, "We present Zephyr, a GPU store. Zephyr lowers write amplification to "
                        "1.9 (ZenFS: 3.4) and keeps perplexities of 5.61 and 4.98 (FP16: 5.47 "
                        "and 4.88).")
    assert [(v, s) for v, _, s, _, _ in found] == [
        (1.9, "Zephyr"), (3.4, "ZenFS"), (5.61, "Zephyr"), (4.98, "Zephyr"), (5.47, None),
        (4.88, None)]


def test_anothers_figure_in_parentheses_has_the_unit_of_the_result_beside_it(nlp):
    found = claims(nlp, "We present Zephyr. On GPUs, Zephyr cuts latency to 12 ms (vLLM: 31), "
                        "to 14 ms (Orca: 29 ms) and 1.9 (ZenFS: 3.4).")
    assert [(v, u, s) for v, u, s, _, _ in found] == [
        (12, "ms", "Zephyr"), (31, "ms", "vLLM"), (14, "ms", "Zephyr"), (29, "ms", "Orca"),
        (1.9, "", "Zephyr"), (3.4, "", "ZenFS")]


@pytest.mark.parametrize("sentence,value", [
    ("Inference takes 38 ms, using less than 600 MB of memory.", 600),
    ("A forecast takes 0.9 s and fits in 22 GB of GPU memory.", 22),
])
def test_footprints_are_results(nlp, sentence, value):
    found = claims(nlp, f"We present Zephyr, a GPU model. {sentence}")
    assert value in [v for v, *_ in found]


def test_a_repeated_change_keeps_the_named_baseline(nlp):
    found = claims(nlp, "We present Zephyr, a GPU autotuner. Zephyr reduces tuning time for "
                        "BERT-Base from 6.5 hours with Ansor to 22 minutes, and for ResNet-50 "
                        "from 4.1 hours to 17 minutes.")
    assert [(v, s, b) for v, _, s, b, _ in found] == [
        (6.5, "Ansor", None), (22, "Zephyr", "Ansor"), (4.1, "Ansor", None),
        (17, "Zephyr", "Ansor")]


def test_subjects_listed_before_a_copula_pair_with_respective_figures(nlp):
    found = claims(nlp, "We study portability layers on GPUs. On the A100, Kokkos and RAJA "
                        "versions are 12% and 17% slower, respectively, than native CUDA codes. "
                        "Compared to ext4, XFS, and F2FS, Zephyr reduces fsync latency by 73%, "
                        "65%, and 58%, respectively.")
    assert [(v, s, b) for v, _, s, b, _ in found] == [
        (12, "Kokkos", "CUDA"), (17, "RAJA", "CUDA"), (73, "Zephyr", "ext4"),
        (65, "Zephyr", "XFS"), (58, "Zephyr", "F2FS")]


def test_what_the_work_makes_possible_and_small_score_differences(nlp):
    found = claims(nlp, "We present Zephyr, a GPU offloading engine. On one GPU, Zephyr trains "
                        "models of up to 21 billion parameters. AUC differs by less than 0.0005.")
    assert [(v, u) for v, u, *_ in found] == [(21e9, "parameters"), (0.0005, "")]


def test_tokens_are_a_result_only_as_speculative_decodings_acceptance_length(nlp):
    found = claims(nlp, "We present Zephyr. On an A100, Zephyr reaches an average acceptance "
                        "length of 4.6 tokens per step, serves contexts of up to 128K tokens "
                        "and was trained on 1.5T tokens. It accepts 3.2 tokens on average.")
    assert found == [(4.6, "tokens", "Zephyr", None, "NVIDIA A100"),
                     (3.2, "tokens", "Zephyr", None, None)]


@pytest.mark.parametrize("sentence,value,unit", [
    ("Zephyr incurs 3x fewer SLO violations than Orca.", 3, "x"),
    ("Zephyr fits Llama-3-8B into 5.1 GB of memory.", 5.1, "GB"),
    ("Zephyr matches the BF16 loss curve to within 0.01 nats.", 0.01, "nats"),
    ("Zephyr emits 0.21 gCO2e per request.", 0.21, "gCO2e"),
    ("Zephyr reaches 0.82 simulated years per day.", 0.82, "SYPD"),
    ("Zephyr needs only 16 samples to reach 93.1% on GSM8K.", 93.1, "%"),
    ("With Zephyr, the largest run would use about 2e29 FLOP.", 2e29, "FLOP"),
    ("Zephyr's FLOP/s per dollar doubled every 2.5 years.", 2.5, "years"),
    ("Zephyr sustains 90 Gb/s of goodput.", 90, "Gbps"),
    ("Zephyr's servers used 41 TWh in 2024.", 41, "TWh"),
    ("Zephyr's fleet provides about 5.2e21 FLOP/s of compute.", 5.2e21, "FLOP/s"),
    ("Zephyr's bandwidth per dollar doubled only every 4.2 years.", 4.2, "years"),
])
def test_results_that_look_like_set_up(nlp, sentence, value, unit):
    found = claims(nlp, f"We present Zephyr, a GPU system. {sentence}")
    assert [(v, u) for v, u, *_ in found] == [(pytest.approx(value), unit)]


def test_a_contrasting_clause_has_its_own_subject_and_is_no_baseline_of_a_change(nlp):
    found = claims(nlp, "We present Zephyr, a CXL tiering system. Zephyr keeps Redis throughput "
                        "within 4% of an all-DRAM setup, whereas TPP loses 19%.")
    assert [(v, s, b) for v, _, s, b, _ in found] == [(4, "Zephyr", "all-DRAM setup"),
                                                      (19, "TPP", None)]


def test_the_system_a_subject_is_built_with_and_the_owner_of_an_object(nlp):
    found = claims(nlp, "Our design, Zephyr, runs on GPUs. A job with Zephyr-backed Spark takes "
                        "9.6 minutes. Zephyr raises RocksDB's write throughput by 2.1x. "
                        "Replacing Orca with Zephyr in TensorRT-LLM raises throughput by 17%.",
                   title="Fast compaction")
    assert [(v, s) for v, _, s, _, _ in found] == [(9.6, "Zephyr"), (2.1, "Zephyr"),
                                                   (17, "Zephyr")]


def test_a_figure_instead_of_which_a_result_stands(nlp):
    found = claims(nlp, "We present Zephyr, a storage system. Zephyr rebuilds a failed HDD in "
                        "3.4 hours instead of 11.2 hours with stock Ceph.")
    assert [(v, s, b) for v, _, s, b, _ in found] == [(3.4, "Zephyr", "Ceph"),
                                                      (11.2, "Ceph", None)]


def test_a_change_after_the_noun_scale_is_no_scaling_target(nlp):
    found = claims(nlp, "We present Zephyr, a GPU system. With Zephyr, efficiency at the "
                        "largest scale improves from 58% to 76%, and we scale tables to 4 TB.")
    assert [(v, u) for v, u, *_ in found] == [(58, "%"), (76, "%")]


def test_a_bare_figure_set_against_a_result_takes_its_unit(nlp):
    found = claims(nlp, "We present Zephyr, a GPU system. On a Jetson AGX Orin, Zephyr sustains "
                        "23.5 FPS (vs. 14.1 for TorchSparse).")
    assert [(v, u, s, b) for v, u, s, b, _ in found] == [
        (23.5, "FPS", "Zephyr", "TorchSparse"), (14.1, "FPS", "TorchSparse", None)]


def test_subjects_models_places_appositions_and_a_figure_after_a_name(nlp):
    found = claims(nlp, "We present Zephyr, a collective library for GPUs. Training throughput of "
                        "BERT-Large and GPT-2 XL improves by 12% and 34% over NCCL, respectively. "
                        "On Perlmutter's A100 partition the speedup over NCCL is 2.1x. Orca loses "
                        "29% and Bamboo, a redundancy-based approach, loses 13%. Zephyr loads a "
                        "model in 9.8 s, 2.1x faster than ServerlessLLM (21 s).")
    assert [(v, s) for v, _, s, _, _ in found] == [
        (12, "Zephyr"), (34, "Zephyr"), (2.1, "Zephyr"), (29, "Orca"), (13, "Bamboo"),
        (9.8, "Zephyr"), (2.1, "Zephyr"), (21, "ServerlessLLM")]


def test_a_fraction_of_a_devices_figure_is_no_count_of_devices(nlp):
    found = claims(nlp, "We study Zephyr on GPUs. The MI300X reaches 0.91x of H100 efficiency "
                        "with Zephyr, and 8x A100 servers run it.")
    assert [(v, u) for v, u, *_ in found] == [(0.91, "x")]


def test_counts_of_successes_and_figures_set_against_results(nlp):
    found = claims(nlp, "We present Zephyr, a GPU predictor. Zephyr picks the best GPU in 37 of "
                        "40 cases and is right on 49 of them. It converges to a perplexity of "
                        "17.8 versus 17.6. It delivers 2.31 tokens per joule, against 0.64 for "
                        "the A100.")
    assert [(v, u) for v, u, *_ in found] == [
        (37, ""), (49, ""), (17.8, ""), (17.6, ""), (2.31, "tokens/J"), (0.64, "tokens/J")]


def test_a_processor_design_is_the_system_and_baseline_of_claims(nlp):
    found = claims(nlp, "Halyard places attention units beside DRAM on GPUs. Halyard is 1.6x "
                        "faster than AttAcc, an HBM-PIM attention accelerator.",
                   title="Halyard: A Near-Memory Accelerator for LLM Decoding")
    assert [(v, s, b) for v, _, s, b, _ in found] == [(1.6, "Halyard", "AttAcc")]


def test_hardware_compared_against_is_the_baseline(nlp):
    found = claims(nlp, "We present Zephyr, an inference engine. Energy per run is 1.4x higher "
                        "on the CPUs than on the L4 with A100 GPUs, 2.1x higher than CPU-only "
                        "execution, and transfers run 3x faster over NVLink.")
    assert [(v, b) for v, _, _, b, _ in found] == [
        (1.4, "NVIDIA L4"), (2.1, "CPU-only execution"), (3, None)]


def test_more_ways_to_name_a_baseline(nlp):
    found = claims(nlp, "We present Zephyr, a GPU trainer. Zephyr reaches 84.7% accuracy. It is "
                        "2.7 points above FedProx. It sustains 1.17x the training throughput of "
                        "Megatron-LM and builds the index in 5.2 hours instead of DiskANN's 31 "
                        "hours. It keeps 11 of them above the 10^25 FLOP threshold.")
    assert [(v, b) for v, _, _, b, _ in found] == [
        (84.7, None), (2.7, "FedProx"), (1.17, "Megatron-LM"), (5.2, "DiskANN"), (31, None),
        (11, None)]
