"""The sandbox turns a child's runaway time or memory into a typed refusal; the render sandbox caps what a
template expression can build, so issuing never builds a 300 MB string in the worker."""

from __future__ import annotations

import pytest

from service.templating.render import RenderLimit, render_template_bytes
from service.uploads import sandbox
from tests.documents import samples
from tests.hostile.test_template_uploads import with_expression


def test_a_child_past_its_wall_time_is_killed_and_refused_as_time():
    with pytest.raises(sandbox.SandboxRefused) as refused:
        sandbox.run(["sleep", "5"], limits=sandbox.Limits(wall=0.2))
    assert refused.value.problem == "time"


def test_a_child_past_its_address_space_is_refused_as_memory():
    with pytest.raises(sandbox.SandboxRefused) as refused:
        sandbox.call("service.uploads.pdfcheck:inspect", b"%PDF-1.7",
                     limits=sandbox.Limits(memory=40 * sandbox.MiB, wall=30))
    assert refused.value.problem in {"memory", "crashed"}


def test_only_service_functions_can_be_called():
    with pytest.raises(ValueError, match="not a service function"):
        sandbox.call("os:system", b"")


@pytest.mark.parametrize("expression", ["{{ header.title * 999999999 }}", "{{ 2 ** 99999999 }}"])
def test_rendering_refuses_a_runaway_value_with_a_422(expression):
    with pytest.raises(RenderLimit) as refused:
        render_template_bytes(with_expression(expression), "minutes", "es", samples.minutes())
    assert refused.value.status == 422
