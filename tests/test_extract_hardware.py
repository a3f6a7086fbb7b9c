"""Hardware mentions link to the catalogue; unknown vendor products still get typed."""

from __future__ import annotations

import pytest

from kgraph.extract import build_nlp, extract
from kgraph.model import Paper


@pytest.fixture(scope="module")
def nlp():
    return build_nlp()


def hardware(nlp, text: str) -> list[tuple[str, str, str]]:
    ex = extract(Paper("t", "Title", text), nlp)
    return [(m.text, m.type, m.canonical) for m in ex.mentions
            if m.type not in ("SYSTEM", "MODEL", "DATASET")]


def test_spellings_link_to_one_entry(nlp):
    found = hardware(nlp, "V100, Tesla V100 and NVIDIA V100 are the same chip.")
    assert {c for _, _, c in found} == {"NVIDIA V100"}


def test_memory_size_variant_is_its_own_entry(nlp):
    assert hardware(nlp, "We use an NVIDIA V100 32GB card.") == [
        ("NVIDIA V100 32GB", "GPU", "NVIDIA V100 32GB")]


@pytest.mark.parametrize("text,type_,canonical", [
    ("GPUs", "GPU", "GPU"), ("CPU memory", "MEMORY", "CPU memory"),
    ("NVMe SSDs", "STORAGE", "NVMe"),
    ("HBM3", "MEMORY", "HBM3"), ("NVLink", "INTERCONNECT", "NVLink"), ("TPU v4", "ACCELERATOR",
    "Google TPU v4"), ("AMD MI300X", "GPU", "AMD Instinct MI300X"), ("InfiniBand", "INTERCONNECT",
    "InfiniBand"), ("last-level cache", "MEMORY", "last-level cache"), ("RTX 4090", "GPU",
    "NVIDIA RTX 4090"), ("4th Generation Intel Xeon Scalable Processors", "CPU",
    "4th Generation Intel Xeon Scalable"), ("FPGAs", "ACCELERATOR", "FPGA"),
])
def test_catalogue_classes(nlp, text, type_, canonical):
    assert hardware(nlp, f"It runs on {text} today.") == [(text, type_, canonical)]


def test_unknown_products_by_vendor_shape(nlp):
    found = hardware(nlp, "Tested on an NVIDIA A2000, an Intel Xeon 8480+ and an AMD MI400.")
    assert [(t, ty) for t, ty, _ in found] == [("NVIDIA A2000", "GPU"),
                                               ("Intel Xeon 8480+", "CPU"), ("AMD MI400", "GPU")]


def test_short_names_are_case_sensitive(nlp):
    assert hardware(nlp, "The cpu and the nic of the icu lab.") == []


def test_more_vendor_product_shapes(nlp):
    assert hardware(nlp, "We run on a Western Digital SN640 SSD and a Xilinx Alveo U280.") == [
        ("Western Digital SN640", "STORAGE", "Western Digital SN640"),  # 'SSD': its head noun
        ("Xilinx Alveo U280", "ACCELERATOR", "Xilinx Alveo U280")]


def test_cpu_microarchitectures(nlp):
    assert hardware(nlp, "AMD Zen 4 mispredicts fewer branches than Zen3.") == [
        ("AMD Zen 4", "CPU", "AMD Zen 4"), ("Zen3", "CPU", "AMD Zen 3")]


def test_acronym_defined_for_hardware_is_that_hardware(nlp):
    text = "Intel Optane persistent memory (IOPM) is byte-addressable; IOPM is slower than DRAM."
    ex = extract(Paper("t", "Title", text), nlp)
    iopm = {(m.type, m.canonical) for m in ex.mentions if m.text == "IOPM"}
    optane = {(m.type, m.canonical) for m in ex.mentions if m.text.startswith("Intel Optane")}
    assert len([m for m in ex.mentions if m.text == "IOPM"]) == 2
    assert iopm == optane and next(iter(iopm))[0] != "SYSTEM"


def test_nics_are_interconnects(nlp):
    assert hardware(nlp, "Each node has a Mellanox ConnectX-5 NIC.") == [
        ("Mellanox ConnectX-5", "INTERCONNECT", "NVIDIA ConnectX-5"),
        ("NIC", "INTERCONNECT", "network interface")]


@pytest.mark.parametrize("text,type_,canonical", [
    ("Jetson AGX Orin", "GPU", "NVIDIA Jetson AGX Orin"),
    ("Snapdragon 8 Gen 3", "CPU", "Qualcomm Snapdragon 8 Gen 3"),
    ("Hexagon NPU", "ACCELERATOR", "Qualcomm Hexagon NPU"),
    ("BlueField-2 DPUs", "ACCELERATOR", "NVIDIA BlueField-2"),
    ("ARM Neoverse N1", "CPU", "Arm Neoverse N1"),
    ("Samsung 980 Pro NVMe SSD", "STORAGE", "Samsung 980 Pro"),
    ("UPMEM", "ACCELERATOR", "UPMEM PIM"),
])
def test_edge_dpu_arm_and_storage_products(nlp, text, type_, canonical):
    assert hardware(nlp, f"We run on {text} today.") == [(text, type_, canonical)]


def test_accelerators_after_a_hardware_word_are_its_head_noun(nlp):
    assert [t for t, *_ in hardware(nlp, "GPU accelerators beat other accelerators.")] == [
        "GPU", "accelerators"]


def test_a_class_word_right_after_a_product_is_its_head_noun(nlp):
    found = hardware(nlp, "We use Intel Xeon Gold 6342 CPUs and RTX 4090 GPUs, and add the "
                          "SSD-CPU link.")
    assert [c for _, _, c in found] == ["Intel Xeon Gold 6342", "NVIDIA RTX 4090", "SSD", "CPU"]


def test_plural_products_and_one_sized_variant_are_one_device(nlp):
    found = hardware(nlp, "Each node has eight A100 80GB cards; two A100s serve Llama and four "
                          "MI250Xs train it.")
    assert [(t, c) for t, _, c in found] == [
        ("A100 80GB", "NVIDIA A100 80GB"), ("A100s", "NVIDIA A100 80GB"),
        ("MI250Xs", "AMD Instinct MI250X")]


def test_a_product_is_named_without_a_catalogued_class_word(nlp):
    found = hardware(nlp, "Compaction runs on an AMD Alveo U280 FPGA, beside an A100 GPU, "
                          "two Xeon CPUs and Samsung PM9A3 NVMe SSDs.")
    assert [t for t, _, _ in found] == ["AMD Alveo U280", "A100", "Xeon", "Samsung PM9A3",
                                        "NVMe SSDs"]


def test_product_lines_without_their_vendor_and_written_variants(nlp):
    found = hardware(nlp, "Servers with Xeon Gold 6338 and EPYC 7763 CPUs, a Tofino2 switch, "
                          "8x H100 SXM5 GPUs, DDR5-4800 memory and an Adreno 750 GPU.")
    assert [(t, c) for t, _, c in found] == [
        ("Xeon Gold 6338", "Intel Xeon Gold 6338"), ("EPYC 7763", "AMD EPYC 7763"),
        ("Tofino2", "Intel Tofino2"), ("H100 SXM5", "NVIDIA H100"), ("DDR5-4800", "DDR5"),
        ("Adreno 750", "Qualcomm Adreno 750")]


def test_on_chip_and_die_to_die_networks(nlp):
    found = hardware(nlp, "Chiplets split the network-on-chip (NoC) into meshes joined by "
                          "die-to-die links; the NoC routes around faults.")
    assert {(t, c) for t, _, c in found} == {
        ("network-on-chip", "network-on-chip"), ("NoC", "network-on-chip"),
        ("die-to-die links", "die-to-die link")}


def test_consumer_gpus_numbered_variants_and_memory_spellings(nlp):
    found = hardware(nlp, "An RTX 4070 Ti, an Intel Data Center GPU Max 1550, an Intel Xeon CPU "
                          "Max 9470, host DRAM, unified memory and Intel Optane DC PMem.")
    assert [t for t, _, _ in found] == [
        "RTX 4070 Ti", "Intel Data Center GPU Max 1550", "Intel Xeon CPU Max 9470", "host DRAM",
        "unified memory", "Intel Optane DC PMem"]


def test_bare_data_center_gpu_names_and_lettered_cpu_models(nlp):
    found = hardware(nlp, "We serve on four T4 GPUs, an A10, two H20 cards and an AMD EPYC 7V13, "
                          "on A10G instances and a Core i9-13900K.")
    assert [(t, c) for t, _, c in found] == [
        ("T4", "NVIDIA T4"), ("A10", "NVIDIA A10"), ("H20", "NVIDIA H20"),
        ("AMD EPYC 7V13", "AMD EPYC 7V13"), ("A10G", "NVIDIA A10G"),
        ("Core i9-13900K", "Intel Core i9-13900K")]


def test_a_family_and_one_version_of_it_are_one_device(nlp):
    found = hardware(nlp, "KV blocks move over PCIe from DDR5 to HBM; on PCIe 5.0 and HBM3 "
                          "the copy is cheap.")
    assert {(t, c) for t, _, c in found} == {("PCIe", "PCIe 5.0"), ("PCIe 5.0", "PCIe 5.0"),
                                             ("DDR5", "DDR5"), ("HBM", "HBM3"), ("HBM3", "HBM3")}
    two = hardware(nlp, "Links range from PCIe 4.0 to PCIe 5.0; PCIe is the bottleneck.")
    assert {c for _, _, c in two} == {"PCIe", "PCIe 4.0", "PCIe 5.0"}


def test_a_spelling_after_its_vendors_name(nlp):
    found = hardware(nlp, "We train on Intel Gaudi 2 and AWS Inferentia2 with NVIDIA ConnectX-7 "
                          "NICs.")
    assert [(t, c) for t, _, c in found] == [
        ("Intel Gaudi 2", "Intel Gaudi2"), ("AWS Inferentia2", "AWS Inferentia"),
        ("NVIDIA ConnectX-7", "NVIDIA ConnectX-7"), ("NICs", "network interface")]


def test_a_count_written_before_a_device(nlp):
    found = hardware(nlp, "We run on 8xH100 nodes and on 4xA100 80GB servers.")
    assert [(t, c) for t, _, c in found] == [("H100", "NVIDIA H100"),
                                             ("A100 80GB", "NVIDIA A100 80GB")]


def test_a_spelling_with_a_class_word_in_the_plural(nlp):
    found = hardware(nlp, "We evaluate on NVIDIA V100, A100, and L40 GPUs.")
    assert [(t, c) for t, _, c in found] == [
        ("NVIDIA V100", "NVIDIA V100"), ("A100", "NVIDIA A100"), ("L40 GPUs", "NVIDIA L40")]


def test_l4_is_a_gpu_only_beside_another_gpu(nlp):
    found = hardware(nlp, "We serve on A10G, L4 and A100 GPUs.")
    assert [c for _, _, c in found][:3] == ["NVIDIA A10G", "NVIDIA L4", "NVIDIA A100"]
    assert hardware(nlp, "An L4 load balancer spreads connections across servers.") == []


def test_a_links_lane_width_is_its_variant(nlp):
    found = hardware(nlp, "Two GPUs are attached over PCIe 4.0 x16 links.")
    assert ("PCIe 4.0 x16", "PCIe 4.0") in [(t, c) for t, _, c in found]


def test_gpu_memory_tiers(nlp):
    found = hardware(nlp, "The GPU kernel stages tiles in shared memory, not global memory.")
    assert [(t, c) for t, _, c in found] == [("GPU", "GPU"), ("shared memory", "shared memory"),
                                             ("global memory", "global memory")]


def test_gpu_memory_tiers_only_where_a_gpu_is_named(nlp):
    text = "Functions restore from shared memory snapshots on the host's DRAM."
    assert [c for _, _, c in hardware(nlp, text)] == ["DRAM"]


@pytest.mark.parametrize("text,type_,canonical", [
    ("far memory", "MEMORY", "far memory"), ("disaggregated memory", "MEMORY",
    "disaggregated memory"), ("BRAM", "MEMORY", "BRAM"), ("QLC SSDs", "STORAGE", "QLC SSD"),
    ("Intel Xeon 6", "CPU", "Intel Xeon 6"), ("Ultrastar DC ZN540", "STORAGE",
    "Western Digital Ultrastar DC ZN540"),
])
def test_memory_tiers_flash_kinds_and_newer_products(nlp, text, type_, canonical):
    assert hardware(nlp, f"Pages move to {text} over RDMA.")[0] == (text, type_, canonical)


def test_trusted_execution_environments_are_cpu_features(nlp):
    found = hardware(nlp, "Enclaves run on Intel SGX, TDX and AMD SEV-SNP, and Arm TrustZone.")
    assert [(t, ty, c) for t, ty, c in found] == [
        ("Intel SGX", "CPU", "Intel SGX"), ("TDX", "CPU", "Intel TDX"),
        ("AMD SEV-SNP", "CPU", "AMD SEV-SNP"), ("Arm TrustZone", "CPU", "Arm TrustZone")]
