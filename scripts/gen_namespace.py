"""Regenerate kgraph/namespace.py from ontologies/kgraph.ttl (run: make namespace)."""

from __future__ import annotations

import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
HEADER = ('"""The kgraph ontology as an rdflib DefinedNamespace.\n\n'
          'Generated from ontologies/kgraph.ttl by scripts/gen_namespace.py; do not edit.\n"""\n')


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(
            [sys.executable, "-m", "rdflib.tools.defined_namespace_creator",
             str(ROOT / "ontologies" / "kgraph.ttl"), "https://w3id.org/kgraph/ontology#", "KG"],
            cwd=tmp, check=True, capture_output=True,
        )
        code = (Path(tmp) / "_KG.py").read_text(encoding="utf-8")
    code = re.sub(r'    """\n    DESCRIPTION_EDIT_ME_!.*?"""\n',
                  '    """Terms of the kgraph ontology."""\n', code, flags=re.S)
    code = code.replace('    _NS = Namespace(', '    _fail = True\n    _NS = Namespace(')
    (ROOT / "kgraph" / "namespace.py").write_text(HEADER + code, encoding="utf-8")


if __name__ == "__main__":
    main()
