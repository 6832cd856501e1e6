"""The public API is `warlog.__all__`: exactly these names, each typed and documented, and cheap to import."""

from __future__ import annotations

import inspect
import subprocess
import sys

import pytest
from pydantic import BaseModel

import warlog

PUBLIC = {
    "ActorRecord",
    "Article",
    "ArticleFilters",
    "ArticleRecord",
    "Claim",
    "DatabaseUnavailable",
    "Document",
    "Duplicate",
    "Event",
    "EventDatabase",
    "EventDetail",
    "EventFilters",
    "EventRecord",
    "Evidence",
    "Extractor",
    "FieldSource",
    "IngestError",
    "IngestReport",
    "LearnedAliasRecord",
    "NearDuplicate",
    "StoredReport",
    "extract",
    "extract_many",
    "open",
}


def test_all_is_exactly_the_public_surface_and_every_name_resolves() -> None:
    assert set(warlog.__all__) == PUBLIC and len(warlog.__all__) == len(PUBLIC)
    assert all(getattr(warlog, name) is not None for name in warlog.__all__)
    assert PUBLIC <= set(dir(warlog))
    with pytest.raises(AttributeError, match="no attribute 'nope'"):
        warlog.nope  # noqa: B018


def _functions() -> list[tuple[str, object]]:
    """Every public function, and every public method of the public classes."""
    found: list[tuple[str, object]] = []
    for name in warlog.__all__:
        value = getattr(warlog, name)
        if inspect.isfunction(value):
            found.append((name, value))
        elif inspect.isclass(value) and not issubclass(value, BaseModel | Exception):
            found += [
                (f"{name}.{method}", member)
                for method, member in vars(value).items()
                if inspect.isfunction(member) and not method.startswith("_")
            ]
    return found


@pytest.mark.parametrize(("name", "function"), _functions(), ids=lambda value: value if isinstance(value, str) else "")
def test_public_functions_have_docstrings_and_type_hints(name: str, function: object) -> None:
    assert inspect.getdoc(function), f"{name} has no docstring"
    signature = inspect.signature(function)
    untyped = [p.name for p in signature.parameters.values() if p.name != "self" and p.annotation is p.empty]
    assert not untyped, f"{name}: untyped parameters {untyped}"
    assert signature.return_annotation is not signature.empty, f"{name} has no return type"


def test_public_records_document_themselves() -> None:
    for name in warlog.__all__:
        value = getattr(warlog, name)
        if inspect.isclass(value):
            assert value.__doc__ and value.__doc__.strip(), f"{name} has no docstring"


def test_importing_warlog_and_its_whole_surface_does_not_load_spacy() -> None:
    code = (
        "import sys, warlog\n"
        "for name in warlog.__all__: getattr(warlog, name)\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('spacy', 'pandas', 'geopandas', 'pyarrow')))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=True)
    assert result.stdout.strip() == "[]"
