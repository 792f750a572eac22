"""The repository and binary the tests use (SMUG_SOURCE_DIR, SMUGSIM), and loads one of the repository's extension-less scripts (scripts/NAME) as a module, so that the
tests can call its functions."""
import importlib.machinery
import importlib.util
import os

SOURCE = os.environ.get("SMUG_SOURCE_DIR", os.path.join(os.path.dirname(__file__), "..", ".."))
SMUGSIM = os.environ.get("SMUGSIM", os.path.join(SOURCE, "build", "bin", "smugsim"))


def script(name):
    return os.path.join(SOURCE, "scripts", name)


def load(name):
    path = script(name)
    loader = importlib.machinery.SourceFileLoader(name.replace("-", "_"), path)
    spec = importlib.util.spec_from_loader(loader.name, loader)
    module = importlib.util.module_from_spec(spec)
    loader.exec_module(module)
    return module
