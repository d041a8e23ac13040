"""The service's request parsing over any JSON body and any form bytes: a CheckRequest, or a 400."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from tests.fuzz.strategies import json_values, news_text
from verify.service import CheckRequest, RequestError, form_fields, parse_check_request, parse_form

fields = st.fixed_dictionaries(
    {},
    optional={
        "text": st.one_of(news_text(), json_values()),
        "sources": st.one_of(st.lists(st.one_of(st.text(max_size=30), st.just("https://harbour.example/a")),
                                      max_size=4), json_values()),  # fmt: skip
        "format": st.one_of(st.sampled_from(["json", "html", "markdown", "text", "pdf"]), json_values()),
    },
)


@given(body=st.one_of(fields, json_values(), st.dictionaries(st.text(max_size=8), json_values(), max_size=3)))
def test_a_json_body_is_a_request_or_a_400(body: object) -> None:
    try:
        request = parse_check_request(body)
    except RequestError as exc:
        assert exc.status == 400 and "\n" not in str(exc)
        return
    assert isinstance(request, CheckRequest) and request.text.strip()
    assert all(url.startswith(("http://", "https://")) for url in request.sources)


@given(body=st.one_of(st.binary(max_size=300), news_text().map(lambda t: t.encode("utf-8", "surrogatepass"))))
def test_form_bytes_are_a_request_or_a_400(body: bytes) -> None:
    try:
        request = parse_form(*form_fields(body))
    except RequestError as exc:
        assert exc.status == 400 and "\n" not in str(exc)
        return
    assert request.format == "html" and request.text.strip()
