"""Date expressions in text: absolute, relative to publication, ranges, open intervals."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mapper.dates import find_dates
from mapper.model import DatePrecision

PUB = dt.date(2024, 10, 9)  # a Wednesday


@pytest.mark.parametrize(("text", "iso", "precision"), [
    ("Wreckage was found on October 7 near the road.", "2024-10-07", DatePrecision.DAY),
    ("Saturday, October 5, was quiet.", "2024-10-05", DatePrecision.DAY),
    ("The drills took place on 12 August 2023.", "2023-08-12", DatePrecision.DAY),
    ("Sensors failed on 2024-09-30 at night.", "2024-09-30", DatePrecision.DAY),
    ("Flights resumed in April and May 2024 after talks.", "2024-04-01/2024-05-31", DatePrecision.RANGE),
    ("As of July 2024 the camp was full.", "2024-07", DatePrecision.MONTH),
    ("The governor said on Monday that roads were closed.", "2024-10-07", DatePrecision.DAY),
    ("Workers who left earlier this year have not returned.", "2024", DatePrecision.YEAR),
    ("Prices rose last year.", "2023", DatePrecision.YEAR),
    ("Bridges were repaired in mid-2022.", "2022-05-01/2022-08-31", DatePrecision.RANGE),
    ("Thousands went home in March when rules changed.", "2024-03", DatePrecision.MONTH),
    ("The depot burned in November, before the talks.", "2023-11", DatePrecision.MONTH),
    ("The bases were hit last October, in a daring raid.", "2023-10", DatePrecision.MONTH),
    ("The bases were hit in October, in a daring raid.", "2024-10", DatePrecision.MONTH),
    ("Two drones fell during the night near the town.", "2024-10-08/2024-10-09", DatePrecision.RANGE),
    ("Pieces were found at the weekend by hunters.", "2024-10-05/2024-10-06", DatePrecision.RANGE),
    ("A radar was hit last weekend.", "2024-10-05/2024-10-06", DatePrecision.RANGE),
    ("Talks stalled last week.", "2024-09-30/2024-10-06", DatePrecision.RANGE),
    ("Arrivals are likely to fall next year.", "2025", DatePrecision.YEAR),
    ("A second group leaves next month.", "2024-11", DatePrecision.MONTH),
    ("Talks resume next week.", "2024-10-14/2024-10-20", DatePrecision.RANGE),
    ("Flights resumed earlier this week.", "2024-10-07/2024-10-09", DatePrecision.RANGE),
    ("Arrivals fell in the first nine months of the year.", "2024-01-01/2024-09-30", DatePrecision.RANGE),
    ("Departures rose in the first half of 2023.", "2023-01-01/2023-06-30", DatePrecision.RANGE),
    ("In the first quarter, 31,000 citizens left for work.", "2024-01-01/2024-03-31", DatePrecision.RANGE),
    ("In the second quarter, 6,000 workers left.", "2024-04-01/2024-06-30", DatePrecision.RANGE),
    ("Arrivals rose in the third quarter of 2023.", "2023-07-01/2023-09-30", DatePrecision.RANGE),
    ("Departures fell in the second half of last year.", "2023-07-01/2023-12-31", DatePrecision.RANGE),
    ("Workers left between March and May, the ministry said.", "2024-03-01/2024-05-31", DatePrecision.RANGE),
    ("Arrivals were up from 52,000 in January to March.", "2024-01-01/2024-03-31", DatePrecision.RANGE),
    ("Arrivals fell from November to December.", "2023-11-01/2023-12-31", DatePrecision.RANGE),
    ("1,240 citizens returned in the past week, the agency said.", "2024-10-02/2024-10-09", DatePrecision.RANGE),
    ("Over the last 10 days, three drones were seen.", "2024-09-29/2024-10-09", DatePrecision.RANGE),
    ("Checks were tightened in the past few days.", "2024-10-06/2024-10-09", DatePrecision.RANGE),
    ("Prices doubled over the past two months.", "2024-08-10/2024-10-09", DatePrecision.RANGE),
])
def test_resolves_against_publication(text: str, iso: str, precision: DatePrecision) -> None:
    found = find_dates(text, published=PUB)
    assert [d.date.iso() for d in found] == [iso]
    assert found[0].date.precision is precision
    assert text[found[0].start:found[0].end] == found[0].date.text


def test_since_the_start_of_the_year_is_open_from_january() -> None:
    [d] = find_dates("About 300 people left for work since the start of the year.", published=PUB)
    assert d.since and d.date.iso() == "2024-01-01/2024-10-09"


def test_past_days_without_a_length_are_no_date() -> None:
    assert find_dates("Drones were seen in the past days.", published=PUB) == []


def test_day_month_after_publication_belongs_to_previous_year() -> None:
    (d,) = find_dates("Engineers arrived on (December 20).", published=dt.date(2025, 1, 10))
    assert d.date.iso() == "2024-12-20"


def test_parenthesised_dates_after_each_place() -> None:
    text = "Pieces lay near Kara (May 2), Bel (May 9) and Tor (June 1)."
    assert [d.date.iso() for d in find_dates(text, published=PUB)] == ["2024-05-02", "2024-05-09", "2024-06-01"]


def test_since_is_an_open_interval_up_to_publication() -> None:
    (d,) = find_dates("Since late 2023, four cases were logged.", published=PUB)
    assert d.since and d.date.start == dt.date(2023, 9, 1) and d.date.end == PUB


def test_without_reference_relative_dates_are_skipped_or_use_default_year() -> None:
    assert find_dates("On Friday, and on March 3, officials met.") == []
    assert [d.date.iso() for d in find_dates("On March 3 officials met.", year=2021)] == ["2021-03-03"]


def test_modal_may_and_bare_numbers_are_not_dates() -> None:
    assert find_dates("They may have paid 2024 dollars for 12 parts.", published=PUB) == []
    assert find_dates("Officials in may say so; a march in town.", published=PUB) == []


def test_impossible_day_is_ignored() -> None:
    assert find_dates("It happened on February 30, 2024.", published=PUB) == []


def _every_pattern(text: str, published: dt.date | None, year: int | None) -> list:
    """find_dates without its quick tests: every pattern run on the text (the reference)."""
    from mapper.date_values import resolve_match
    from mapper.dates import (
        _PATTERNS,
        RELATIVE_KINDS,
        DateSpan,
        FuzzyDate,
        _nights_before,
        opens_interval,
    )

    found, taken = [], bytearray(len(text))
    for kind, pattern in _PATTERNS:
        for m in pattern.finditer(text):
            start, end = m.span("span") if "span" in pattern.groupindex else m.span()
            date = None if any(taken[start:end]) else resolve_match(kind, m, published, year)
            if date is None:
                continue
            since = opens_interval(text, start)
            if since:
                until = published if published and published >= date.start else date.end
                date = FuzzyDate(date.start, until, DatePrecision.RANGE, date.text)
            found.append(DateSpan(date, start, end, since, kind in RELATIVE_KINDS))
            taken[start:end] = b"\x01" * (end - start)
    return _nights_before(sorted(found, key=lambda d: d.start))  # the same re-reading of nights


DATE_PIECES = ["on", "On", "Monday", "since", "from the", "June", "Sept.", "19", "2024", "1999", "12", "31",
               "-", "early", "mid", "the end of", "last", "this", "year", "week", "yesterday", "overnight",
               "and", "to", ",", " ", "of", "in", "2025-06-19", "May", "may", "3rd", "the first", "nine months",
               "half", "weekend", "the night", "summer", "the winter"]


@settings(max_examples=300, deadline=dt.timedelta(seconds=2))
# (without the four characters that match ASCII letters case-insensitively, such as the long s in
# "yeſterday": the quick word tests have never looked for those spellings)
@given(words=st.lists(st.one_of(st.sampled_from(DATE_PIECES), st.text(
    st.characters(blacklist_characters="\u0130\u0131\u017f\u212a"), max_size=3)), max_size=16),
       published=st.sampled_from([None, PUB]))
def test_quick_tests_skip_only_patterns_that_cannot_match(words: list[str], published: dt.date | None) -> None:
    text = " ".join(words)
    assert find_dates(text, published=published, year=2023) == _every_pattern(text, published, 2023)


@pytest.mark.parametrize(("text", "want"), [
    ("Officials traded accusations on Monday after overnight drone attacks.", "2025-06-15/2025-06-16"),
    ("A drone attack overnight into Monday damaged a terminal.", "2025-06-15/2025-06-16"),
    ("It struck a refinery overnight on Monday, the staff said.", "2025-06-16/2025-06-17"),
    ("Drones were shot down overnight, the ministry said.", "2025-06-18/2025-06-19"),
])
def test_a_night_beside_a_named_day_is_read_from_that_day(text: str, want: str) -> None:
    night = next(d for d in find_dates(text, published=dt.date(2025, 6, 19)) if "night" in d.date.text)
    assert night.date.iso() == want


def test_first_months_of_something_else_are_no_date() -> None:
    assert find_dates("Losses were heavy in the first two months of the war.", published=PUB) == []


@pytest.mark.parametrize(("text", "published", "want", "since"), [
    ("Attacks on depots have grown since the summer.", dt.date(2025, 11, 3), "2025-06-01/2025-11-03", True),
    ("The plant was hit twice in the spring.", dt.date(2025, 11, 3), "2025-03-01/2025-05-31", False),
    ("Fewer workers left last winter.", dt.date(2026, 1, 20), "2024-12-01/2025-02-28", False),
    ("Flights resume this winter.", dt.date(2026, 1, 20), "2025-12-01/2026-02-28", False),
])
def test_a_season_is_its_three_months_before_publication(text: str, published: dt.date, want: str,
                                                          since: bool) -> None:
    assert [(d.date.iso(), d.since) for d in find_dates(text, published=published)] == [(want, since)]


def test_a_season_with_a_year_or_a_verb_fall_is_no_season() -> None:
    assert [d.date.iso() for d in find_dates("in the autumn of 2023 prices began to fall",
                                             published=dt.date(2025, 1, 9))] == ["2023"]


@pytest.mark.parametrize(("text", "want"), [
    # a clause-initial since-clause with its own verb, however long, opens a span up to publication
    ("Since the curfew in the border district was imposed by the regional governor on March 4, police have "
     "detained 230 people.", "2024-03-04/2024-10-09"),
    ("Since the night-time ban on heavy lorries at the crossing took effect on 1 September, queues have "
     "shortened.", "2024-09-01/2024-10-09"),
    ("Queues have grown, and since the new quota for seasonal workers from abroad was announced on 2 May, "
     "5,000 people have left.", "2024-05-02/2024-10-09"),
])
def test_a_long_since_clause_opening_a_sentence_opens_a_span(text: str, want: str) -> None:
    assert [(d.date.iso(), d.since) for d in find_dates(text, published=PUB)] == [(want, True)]


@pytest.mark.parametrize("text", [
    # inside a sentence, a long since-clause tells an event of its own (a sighting that halted flights)
    "Flights have been halted since a drone was seen above the airfield near the port on October 7.",
    # the since-clause ends at its comma: the date after it is the report's own
    "Since then, the ministry said on October 7 that 400 people had left.",
])
def test_a_long_since_clause_inside_a_sentence_is_no_span(text: str) -> None:
    assert not any(d.since for d in find_dates(text, published=PUB))


def test_a_month_range_written_with_a_hyphen_before_a_percentage() -> None:
    """"in January-June, 12 percent fewer": the statistics' period (the figure after it is no day of June)."""
    from mapper.incident_dates import sentence_dates

    text = "About 2.3 million foreigners entered Russia for work in January-June, 12 percent fewer than a year earlier."
    spans = [(d.date.start, d.date.end) for d in sentence_dates(text, dt.date(2025, 7, 25), None)]
    assert spans == [(dt.date(2025, 1, 1), dt.date(2025, 6, 30))]


def test_sentence_dates_give_each_sentences_event_dates_once_as_fresh_lists() -> None:
    from mapper.incident_dates import SentenceDates, event_dates, sentence_dates

    text = ("Air defences destroyed 12 drones between 22:00 on Monday and 06:00 Moscow time on Tuesday. "
            "Twice as many came as in the same period of 2024, the ministry said on Wednesday.")
    sents = [(0, 91), (92, len(text))]
    by = SentenceDates(sents, lambda t: sentence_dates(t, dt.date(2025, 11, 20), None), text)
    first = by.events(0)
    assert [d.date.iso() for d in first] == ["2025-11-17/2025-11-18"]
    assert first == event_dates(text, by[0])
    first.clear()  # a caller filtering its list changes no later answer
    assert [d.date.iso() for d in by.events(0)] == ["2025-11-17/2025-11-18"]
    assert by.events(1) == event_dates(text, by[1])
