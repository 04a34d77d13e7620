"""Property-based tests of the HTTP API from its own OpenAPI description (schemathesis): whatever a client sends
within or outside the schema, no server error, and answers as the schema says. Bounded to a few examples per
operation so the run stays short; `make fuzz`-style long runs can raise SCHEMATHESIS_EXAMPLES."""
from __future__ import annotations

import atexit
import os
import shutil
import tempfile
from pathlib import Path

import schemathesis
from hypothesis import HealthCheck, settings
from kb_fixtures import kaz_arg_articles
from schemathesis.specs.openapi.checks import positive_data_acceptance

from communique.kb.store import Store
from communique.web import create_app

TOKEN = "schemathesis-token-42"
EXAMPLES = int(os.environ.get("SCHEMATHESIS_EXAMPLES", "12"))


def _api_schema():
    """The app over a small store of hand-built articles (no NLP), in a temporary folder removed at exit. Built at
    import: schemathesis generates one test per operation from the schema when the module is collected."""
    folder = Path(tempfile.mkdtemp(prefix="communique-schemathesis-"))
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    with Store.open(folder / "kb.db") as store:
        store.write_batch(kaz_arg_articles())
    # the in-process client calls itself "testserver": that is the host this app answers for
    app = create_app(str(folder / "kb.db"), token=TOKEN, allowed_hosts=frozenset({"testserver"}))
    return schemathesis.openapi.from_asgi("/openapi.json", app)


schema = _api_schema()


@schema.parametrize()
@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True)
def test_no_server_errors_and_answers_as_documented(case):
    # Every check but one: "a correction needs at least one corrected field" is a rule the schema cannot state,
    # so a schema-valid review may rightly be refused (422).
    case.call_and_validate(headers={"Authorization": f"Bearer {TOKEN}"}, excluded_checks=[positive_data_acceptance])
