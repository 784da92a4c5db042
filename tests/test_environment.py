"""environment.yml (conda users) lists the same dependencies as pyproject.toml."""

import re
import tomllib
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
# conda-forge names that differ from the PyPI ones.
CONDA_NAMES = {"matplotlib": "matplotlib-base"}
_REQUIREMENT = re.compile(r"^\s*([A-Za-z0-9][A-Za-z0-9._\-]*)\s*(.*)$")


def _split(requirement: str) -> tuple[str, str]:
    """('pandas', '>=2.1') from 'pandas>=2.1', the name lower-cased with '_' as '-'."""
    name, version = _REQUIREMENT.match(requirement).groups()
    return name.lower().replace("_", "-"), version.replace(" ", "")


def _pyproject_requirements() -> dict[str, str]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    requirements = list(project["dependencies"])
    for extra in project.get("optional-dependencies", {}).values():
        requirements += extra
    return dict(_split(requirement) for requirement in requirements)


def _environment() -> dict:
    return yaml.safe_load((ROOT / "environment.yml").read_text(encoding="utf-8"))


def _conda_requirements() -> dict[str, str]:
    return dict(_split(item) for item in _environment()["dependencies"] if isinstance(item, str))


def test_split_reads_name_and_version():
    assert _split("pyahocorasick>=2.0") == ("pyahocorasick", ">=2.0")
    assert _split("Python_Thing >= 1.2") == ("python-thing", ">=1.2")
    assert _split("pip") == ("pip", "")


def test_every_pyproject_dependency_is_in_environment_yml_with_the_same_minimum():
    conda = _conda_requirements()
    for name, version in _pyproject_requirements().items():
        conda_name = CONDA_NAMES.get(name, name)
        assert conda_name in conda, f"{name} from pyproject.toml is missing in environment.yml"
        assert conda[conda_name] == version, f"{conda_name}: environment.yml {conda[conda_name]!r}, pyproject {version!r}"


def test_environment_yml_has_nothing_pyproject_lacks():
    expected = {CONDA_NAMES.get(name, name) for name in _pyproject_requirements()} | {"python", "pip"}
    assert set(_conda_requirements()) == expected


def test_python_floor_matches_and_the_project_itself_is_installed_by_pip():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    environment = _environment()
    assert _conda_requirements()["python"] == project["requires-python"]
    assert environment["channels"] == ["conda-forge"]
    pip_sections = [item["pip"] for item in environment["dependencies"] if isinstance(item, dict)]
    assert pip_sections == [["-e .[dev]"]]
