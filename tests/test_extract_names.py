"""Names of systems, models and data sets from shape and context."""

from __future__ import annotations

import pytest

from kgraph.extract import build_nlp, extract
from kgraph.model import Paper


@pytest.fixture(scope="module")
def nlp():
    return build_nlp()


def names(nlp, title: str, abstract: str) -> dict[str, str]:
    ex = extract(Paper("t", title, abstract), nlp)
    return {m.canonical: m.type for m in ex.mentions if m.type in ("SYSTEM", "MODEL", "DATASET")}


def test_title_colon_and_coined_shapes(nlp):
    found = names(nlp, "Quasar: Elastic Training", "Quasar beats ZeRO-Offload and KVFlow on GPUs.")
    assert found == {"Quasar": "SYSTEM", "ZeRO-Offload": "SYSTEM", "KVFlow": "SYSTEM"}


def test_proposal_and_called(nlp):
    found = names(nlp, "Elastic training at scale",
                  "We present Bramble, a cloud scheduler. We also design a cost model called "
                  "Thrift Predictor (TP2X). Bramble and TP2X outperform prior work.")
    assert found == {"Bramble": "SYSTEM", "TP2X": "SYSTEM"}


def test_lists_after_category_nouns(nlp):
    found = names(nlp, "Kernels", "Unlike compilers like Tangent and nvcc, our kernels win.")
    assert found == {"Tangent": "SYSTEM", "nvcc": "SYSTEM"}


def test_model_shapes(nlp):
    found = names(nlp, "Serving", "We serve LLaMA-2-70B, Mixtral 8x7B, GPT-3 175B and Qwen2-7B.")
    assert found == {"LLaMA-2-70B": "MODEL", "Mixtral 8x7B": "MODEL", "GPT-3 175B": "MODEL",
                     "Qwen2-7B": "MODEL"}


def test_dataset_cues(nlp):
    found = names(nlp, "Benchmarks", "We build a new dataset, named TraceBank, and test on "
                                     "ImageNet and the SkyLogs benchmark.")
    assert found == {"TraceBank": "DATASET", "ImageNet": "DATASET", "SkyLogs": "DATASET"}


def test_acronym_definitions_and_generic_words_are_not_names(nlp):
    found = names(nlp, "Large Language Models at scale",
                  "Large Language Models (LLMs) and the mean absolute error (MAE) of a "
                  "Transformer on GPU kernels. The MAE of LLMs is low; VM and API use grows.")
    assert found == {}


def test_generic_words_capitalised_in_a_title_are_not_names(nlp):
    found = names(nlp, "Fast Restore of Serverless MicroVMs",
                  "MicroVM-based platforms such as Firecracker isolate serverless functions.")
    assert found == {"Firecracker": "SYSTEM"}


def test_acronym_typos_merge(nlp):
    found = names(nlp, "Scaling", "We propose HRAMONY, a cloud scaler. HARMONY is fast. "
                                  "HARMONY wins.")
    assert found == {"HARMONY": "SYSTEM"}


def test_non_computing_text_yields_no_names(nlp):
    found = names(nlp, "IL-6 Signalling in COVID-19 Patients",
                  "IL-6 and TP53 expression increased 2.5-fold; CRISPR-Cas9 knockout of STAT3 "
                  "in mice confirmed it.")
    assert found == {}


def test_names_after_comparison_words(nlp):
    found = names(nlp, "Fast Collectives", "We present Zephyr. Zephyr is 1.8x faster than "
                       "Cray MPICH and 2x faster than vLLM PagedAttention.")
    assert found.get("Cray MPICH") == "SYSTEM"
    assert "vLLM PagedAttention" not in found
    assert found.get("PagedAttention") == "SYSTEM"


def test_modifier_suffixes_leave_the_name(nlp):
    found = names(nlp, "Zephyr: FaRM-style Locking for Distributed Transactions",
                  "We present Zephyr. Zephyr beats FaRM.")
    assert "FaRM" in found and "FaRM-style" not in found


def test_compact_versions_with_sizes_are_models(nlp):
    found = names(nlp, "Serving", "We present Zephyr, an LLM server. Zephyr serves Qwen1.5-72B "
                                  "and Llama-3-8B on GPUs.")
    assert found.get("Qwen1.5-72B") == "MODEL" and found.get("Llama-3-8B") == "MODEL"


def test_acronym_of_a_quoted_technique_is_a_name(nlp):
    found = names(nlp, "Recursion for LLMs", 'We compare with the "repeat-all-over" (RAO) strategy '
                                           "for language model inference.")
    assert found.get("RAO") == "SYSTEM"


def test_family_with_a_modifier_is_no_model(nlp):
    found = names(nlp, "Zephyr: Pipelines", "We present Zephyr. Zephyr trains GPT-style models "
                                         "and Llama-2-7B on GPUs.")
    assert "GPT-style" not in found and found.get("Llama-2-7B") == "MODEL"


def test_lists_after_comparison_words_pair_with_respectively(nlp):
    ex = extract(Paper("t", "Aurora: Learned Indexes for Persistent Memory",
                       "We present Aurora. Aurora outperforms FAST-FAIR, FP-tree and LB+-Tree by "
                       "2.1x, 1.8x and 1.4x in throughput, respectively."), nlp)
    assert {m.canonical for m in ex.mentions if m.type == "SYSTEM"} >= {
        "FAST-FAIR", "FP-tree", "LB+-Tree"}
    assert [(c.value, c.baseline) for c in ex.claims] == [
        (2.1, "FAST-FAIR"), (1.8, "FP-tree"), (1.4, "LB+-Tree")]


def test_a_name_after_a_suite_and_comma_is_not_a_data_set(nlp):
    found = names(nlp, "Serverless GPUs", "Across 12 models from the MLPerf Inference suite, "
                                         "FaaSGPU lowers inference cost on GPUs.")
    assert found.get("FaaSGPU") == "SYSTEM"


def test_instruction_sets_are_not_systems_and_collections_are_data_sets(nlp):
    found = names(nlp, "Sparse Kernels for ARM SVE", "We present SVESparse, a code generator for "
                  "ARM SVE CPUs, tested on matrices from the SuiteSparse collection.")
    assert "ARM" not in found and "SVE" not in found
    assert found.get("SuiteSparse") == "DATASET" and found.get("SVESparse") == "SYSTEM"


def test_name_after_relative_to(nlp):
    found = names(nlp, "Tiered Memory", "We present Zephyr. Zephyr cuts memory stalls by 29% "
                                       "relative to TPP on CXL memory.")
    assert found.get("TPP") == "SYSTEM"


def test_names_listed_after_system_nouns_are_systems(nlp):
    found = names(nlp, "Checkpointing", "Existing systems such as CheckFreq and Gemini stall GPU "
                                        "training for minutes.")
    assert found.get("Gemini") == "SYSTEM" and found.get("CheckFreq") == "SYSTEM"


@pytest.mark.parametrize("sentence,name", [
    ("On the HELM benchmark, Zephyr serves a 30B model on one GPU.", "HELM"),
    ("We test Zephyr on GPUs with the Criteo dataset.", "Criteo"),
])
def test_names_right_before_data_set_cues(nlp, sentence, name):
    found = names(nlp, "Zephyr", f"We present Zephyr. {sentence}")
    assert found.get(name) == "DATASET"


def test_plain_word_before_a_cue_is_no_name(nlp):
    found = names(nlp, "Zephyr", "We present Zephyr. Across models of the MLPerf Inference suite, "
                                 "Zephyr cuts GPU cost.")
    assert "Inference" not in found


def test_well_known_names_that_are_english_words_need_a_mid_sentence_capital(nlp):
    found = names(nlp, "Zephyr: fast stencils", "We run Zephyr on Summit and Frontier GPUs "
                                                "with MPI.")
    assert found.get("Summit") == "SYSTEM"
    assert "Frontier" not in names(nlp, "Trends in Frontier AI Compute", "Frontier models grow. "
                                        "We count GPUs.")


def test_a_well_known_english_word_name_inside_a_longer_name_is_not_it(nlp):
    found = names(nlp, "Zephyr: avatars", "Zephyr renders at 72 FPS on a Meta Quest 3 headset's "
                                          "GPU. On Frontier, kernels beat Quest and Marlin.")
    assert found == {"Zephyr": "SYSTEM", "Frontier": "SYSTEM", "Quest": "SYSTEM",
                     "Marlin": "SYSTEM"}
    assert "Quest" not in names(nlp, "Zephyr: avatars", "Zephyr renders avatars on a Meta "
                                                       "Quest 3 headset's GPU.")


def test_model_sizes_with_decimals_and_benchmark_shaped_names(nlp):
    found = names(nlp, "Zephyr: agents", "We serve Qwen2-1.5B and Qwen1.5-MoE-A2.7B with Zephyr "
                                         "on GPUs and evaluate on MultiFieldQA and WebArena.")
    assert found["Qwen2-1.5B"] == found["Qwen1.5-MoE-A2.7B"] == "MODEL"
    assert found["MultiFieldQA"] == found["WebArena"] == "DATASET"


def test_a_sized_model_names_the_model_and_quantisation_formats_are_no_names(nlp):
    ex = extract(Paper("t", "Zephyr: checkpoints", "Zephyr checkpoints a Llama-2-70B-sized model "
                       "on GPUs in W4A8 and beats MobileViT-v2 in mAP."), nlp)
    assert {(m.text, m.type) for m in ex.mentions if m.type != "GPU"} == {
        ("Zephyr", "SYSTEM"), ("Llama-2-70B", "MODEL"), ("MobileViT-v2", "MODEL")}


def test_a_name_before_a_modifier_suffix_is_named(nlp):
    found = names(nlp, "Braid: Collectives", "We present Braid, an MPI-compatible library; "
                                             "AutoNUMA-based tiering and Braid-X differ.")
    assert found == {"Braid": "SYSTEM", "MPI": "SYSTEM", "AutoNUMA": "SYSTEM"}


def test_a_unit_before_a_data_set_cue_is_no_name(nlp):
    found = names(nlp, "Kiln: Compaction", "Kiln is evaluated with YCSB on 1 TB datasets.")
    assert found == {"Kiln": "SYSTEM", "YCSB": "DATASET"}


def test_a_platform_part_after_its_full_name_is_one_system(nlp):
    ex = extract(Paper("t", "GradFold: Training", "GradFold plugs into PyTorch DDP and trains "
                       "GPT-2 XL on GPUs 1.6x faster than DDP, relative to Horovod, and Phi-2."),
                 nlp)
    found = {(m.text, m.canonical) for m in ex.mentions if m.type in ("SYSTEM", "MODEL")}
    assert ("DDP", "PyTorch DDP") in found and ("GPT-2 XL", "GPT-2 XL") in found
    assert "and Phi-2" not in {t for t, _ in found}


def test_a_sentence_defining_a_name_introduces_it(nlp):
    found = names(nlp, "Streaming SpMV on FPGAs", "It is a hard problem on GPUs. Tessera is an "
                                                  "SpMV library. Tessera beats cuSPARSE.")
    assert found == {"Tessera": "SYSTEM", "cuSPARSE": "SYSTEM"}


def test_an_acronym_defined_for_a_system_is_that_system(nlp):
    ex = extract(Paper("t", "RAG Serving", "We present Fetch-and-Fuse (FnF), a RAG serving system "
                       "for GPUs. FnF is 2.6x faster than vLLM."), nlp)
    assert {m.text: m.canonical for m in ex.mentions if m.type == "SYSTEM"} == {
        "Fetch-and-Fuse": "Fetch-and-Fuse", "FnF": "Fetch-and-Fuse", "vLLM": "vLLM"}
    assert [c.system for c in ex.claims] == ["Fetch-and-Fuse"]


def test_an_acronym_of_a_descriptive_phrase_is_the_name(nlp):
    ex = extract(Paper("t", "MoE Layouts", "We present Token-Imbalance-Driven Adaptive Layout "
                       "(TIDAL), an MoE runtime for GPUs. TIDAL is 1.4x faster than Tutel."), nlp)
    assert {m.canonical for m in ex.mentions if m.type == "SYSTEM"} == {"TIDAL", "Tutel"}
    assert [c.system for c in ex.claims] == ["TIDAL"]


def test_model_tiers_after_a_version(nlp):
    found = names(nlp, "Compute Estimates", "We estimate the training compute of Gemini 1.0 Ultra "
                                             "and GPT-4 Turbo on GPUs.")
    assert found == {"Gemini 1.0 Ultra": "MODEL", "GPT-4 Turbo": "MODEL"}


def test_which_we_call_introduces_a_name(nlp):
    found = names(nlp, "A memory layer for CXL pools",
                  "We outline a tiering layer, which we call Stratus, for CXL memory. We "
                  "also sketch an allocator. We call it Pylon.")
    assert found == {"Stratus": "SYSTEM", "Pylon": "SYSTEM"}


def test_a_frameworks_part_is_one_name(nlp):
    found = names(nlp, "Faster Loading in PyTorch Without Rewrites",
                  "Compared with the PyTorch DataLoader and PyTorch Distributed Checkpoint on "
                  "GPUs, our loader is faster; it also beats Spark Structured Streaming.")
    assert found == {"PyTorch": "SYSTEM", "PyTorch DataLoader": "SYSTEM",
                     "PyTorch Distributed Checkpoint": "SYSTEM",
                     "Spark Structured Streaming": "SYSTEM"}


def test_a_data_set_named_in_apposition(nlp):
    found = names(nlp, "Noisy neighbours on GPU clouds",
                  "We release our traces as CloudVar, an open dataset. We also release our "
                  "dataset, SpotLedger, for future work. We build Sim, a trace-driven simulator "
                  "that replays CloudVar on GPUs.")
    assert found == {"CloudVar": "DATASET", "SpotLedger": "DATASET", "Sim": "SYSTEM"}


def test_a_data_sets_short_name_and_workloads_are_that_data_set(nlp):
    ex = extract(Paper("t", "Graphs on PIM", "We run the GAP benchmark suite and YCSB on GPUs. "
                       "It beats the GAP reference code, and under YCSB-A it wins."), nlp)
    assert {(m.text, m.canonical) for m in ex.mentions if m.type == "DATASET"} == {
        ("GAP benchmark suite", "GAP benchmark suite"), ("GAP", "GAP benchmark suite"),
        ("YCSB", "YCSB"), ("YCSB-A", "YCSB")}


def test_a_title_phrase_of_plain_words_is_a_name_only_if_the_abstract_repeats_it(nlp):
    assert names(nlp, "Noisy Neighbours Revisited: A Study of Cloud GPUs",
                 "We measure variability of GPU instances over six months.") == {}
    assert names(nlp, "Tilus: A Virtual Machine for Low-Precision GPU Kernels",
                 "We present a virtual machine for GPUs.") == {"Tilus": "SYSTEM"}
    assert names(nlp, "The Fused Kernel Library: A C++ API for GPU Libraries",
                 "We present an API for GPUs.") == {"Fused Kernel Library": "SYSTEM"}
    assert names(nlp, "The Widening Memory Gap: Measuring Model Size Against GPU Memory",
                 "We measure GPU memory over time.") == {}
    assert names(nlp, "Elastic Phase Boundaries: Disaggregated Serving on GPUs",
                 "Elastic Phase Boundaries moves the prefill-decode split.") == {
        "Elastic Phase Boundaries": "SYSTEM"}


def test_a_category_noun_opening_a_sentence_lists_names(nlp):
    assert names(nlp, "Federated learning on phones", "Frameworks such as Flower simplify "
                 "orchestration of GPU servers.") == {"Flower": "SYSTEM"}


def test_a_known_name_ending_a_sentence_with_a_capital(nlp):
    """spaCy keeps the full stop on 'GSM8K.' (one token): the curated name is found anyway."""
    found = names(nlp, "Serving on GPUs", "We test on GPUs with datasets including ShareGPT "
                  "and GSM8K. Results follow.")
    assert found == {"ShareGPT": "DATASET", "GSM8K": "DATASET"}


def test_a_frameworks_part_and_a_generic_word_after_a_prefix(nlp):
    found = names(nlp, "Sequence parallelism on GPUs", "Against DeepSpeed Ulysses and "
                  "DeepSpeed ZeRO-3, our per-vCPU scheduler on multi-GPU nodes wins; ZeRO-3 "
                  "stalls.")
    assert found == {"DeepSpeed Ulysses": "SYSTEM", "DeepSpeed ZeRO-3": "SYSTEM"}


def test_optimizers_platform_parts_and_phone_brands(nlp):
    found = names(nlp, "Fine-tuning on phones", "Our GPU engine matches Adam to within 0.05 "
                  "perplexity on a OnePlus 12, and it replaces OpenStack Nova for placement.")
    assert found == {"Adam": "SYSTEM", "OpenStack Nova": "SYSTEM"}


def test_our_system_named_in_apposition(nlp):
    found = names(nlp, "Offloading compaction", "Our design, Fallow, splits compaction between "
                                                "the host CPU and an FPGA; our prototype Tern "
                                                "runs it.")
    assert found == {"Fallow": "SYSTEM", "Tern": "SYSTEM"}


def test_model_shapes_of_vision_and_spaced_versions(nlp):
    found = names(nlp, "Zephyr: edge video", "Zephyr runs YOLOv8n, MobileBERT, DeepLabV3 and "
                                             "SlowFast on GPUs and serves Llama 3 8B with MIG.")
    assert found == {"Zephyr": "SYSTEM", "YOLOv8n": "MODEL", "MobileBERT": "MODEL",
                     "DeepLabV3": "MODEL", "SlowFast": "MODEL", "Llama 3 8B": "MODEL",
                     "MIG": "SYSTEM"}


def test_titles_that_state_a_claim_and_words_after_a_name_that_modify_it(nlp):
    found = names(nlp, "Decoding Is Memory-Bound: A Roofline Study",
                  "We profile FLOP-optimal models on GPUs and evaluate on MATH and AIME 2024.")
    assert found == {"MATH": "DATASET", "AIME 2024": "DATASET"}


def test_processor_designs_are_accelerators(nlp):
    ex = extract(Paper("t", "Halyard: A Near-Memory Accelerator for LLM Decoding",
                       "Halyard places attention units beside DRAM. It beats AttAcc, a PIM "
                       "design, and the prior accelerators SpAtten and GPUs. QuillCC, a "
                       "compiler for accelerators, is a system."), nlp)
    found = {m.canonical: m.type for m in ex.mentions if m.canonical[0].isupper()}
    assert found == {"Halyard": "ACCELERATOR", "AttAcc": "ACCELERATOR", "SpAtten": "ACCELERATOR",
                     "QuillCC": "SYSTEM", "DRAM": "MEMORY", "GPU": "GPU"}


def test_data_sets_companies_and_gpu_families(nlp):
    ex = extract(Paper("t", "Zephyr: fine-tuning", "Zephyr fine-tunes on the Alpaca dataset with "
                       "MediaTek and Qualcomm phones and AMD Instinct GPUs."), nlp)
    found = {m.canonical: m.type for m in ex.mentions}
    assert found == {"Zephyr": "SYSTEM", "Alpaca": "DATASET", "AMD Instinct": "GPU"}
