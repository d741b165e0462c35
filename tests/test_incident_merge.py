"""Merging reports across articles: the blocked search finds what scoring every pair finds."""

from __future__ import annotations

import copy
import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from mapper.incident_across import _cand_report, event_score, merge_across
from mapper.incident_merge import Candidate, absorb
from mapper.model import DatePrecision, Figure, FuzzyDate, IncidentType, Location, Precision, Source, Status

# Places in clusters a few km to a few hundred km apart, so that "near" (161 km) is often in doubt,
# and at high latitude, where a degree of longitude is short.
PLACES = [("a", 47.83, 59.62), ("b", 48.50, 58.90), ("c", 49.14, 57.12), ("d", 50.20, 57.20), ("e", 51.78, 55.10),
          ("f", 55.04, 82.93), ("g", 55.80, 83.60), ("h", 69.0, 33.0), ("i", 69.5, 40.0), ("j", -33.9, 18.4)]
DAYS = [dt.date(2025, 3, d) for d in (1, 3, 5, 9, 20)]


def _date(i: int) -> FuzzyDate | None:
    if i >= len(DAYS):
        return None if i == len(DAYS) else FuzzyDate(dt.date(2025, 3, 1), dt.date(2025, 3, 31),
                                                      DatePrecision.MONTH, "March")
    return FuzzyDate(DAYS[i], DAYS[i], DatePrecision.DAY, DAYS[i].isoformat())


@st.composite
def candidates(draw: st.DrawFn) -> list[Candidate]:
    out = []
    for n in range(draw(st.integers(1, 30))):
        kind = draw(st.sampled_from(list(IncidentType)))
        roles = ["site"] if kind is not IncidentType.MIGRATION else draw(st.sampled_from(
            [["origin", "destination"], ["destination"], ["site"], ["origin", "destination", "origin"]]))
        locs = []
        for role in roles:
            pid, lat, lon = draw(st.sampled_from(PLACES))
            locs.append(Location(pid, pid, lat, lon, Precision.POINT, role, "KZ"))
        counts = draw(st.lists(st.sampled_from([(12.0, "drones"), (40.0, "people"), (5.0, "killed")]), max_size=2))
        name = draw(st.sampled_from(["", "", "", "spiderweb", "gate"]))
        art = f"art{draw(st.integers(0, 12))}"
        src = draw(st.sampled_from(["sentence", "nearby", "published", ""]))
        out.append(Candidate(kind, draw(st.sampled_from(["strike", "sighting"])), locs,
                             _date(draw(st.integers(0, len(DAYS) + 1))), src,
                             [Figure(v, u) for v, u in counts], Status.CONFIRMED,
                             [Source(art, f"quote {n}", 0, 7)], [f"rule {n % 3}"], art, {n % 5},
                             name=name.title(), name_key=name, articles={art}))
    return out


def merge_every_pair(cands: list[Candidate]) -> list[Candidate]:
    """The rule without blocks: each report scored against every event so far, the surest, then first."""
    out: list[Candidate] = []
    for c in cands:
        scored = [(event_score(_cand_report(o), _cand_report(c)), -n, o) for n, o in enumerate(out)]
        best = max(scored, key=lambda t: t[:2], default=(0, 0, None))
        if best[0] == 0 or best[2] is None:
            out.append(c)
        else:
            absorb(best[2], c)
    return out


@settings(max_examples=150, deadline=dt.timedelta(seconds=2))
@given(cands=candidates())
def test_blocked_merge_finds_what_scoring_every_pair_finds(cands: list[Candidate]) -> None:
    assert merge_across(copy.deepcopy(cands)) == merge_every_pair(copy.deepcopy(cands))


def test_copies_of_one_report_become_one_event_with_every_source() -> None:
    loc = Location("p", "Uil", 49.07, 54.68, Precision.POINT, "site", "KZ")
    day = FuzzyDate(dt.date(2025, 3, 1), dt.date(2025, 3, 1), DatePrecision.DAY, "1 March")
    cands = [Candidate(IncidentType.DRONE, "sighting", [loc], day, "sentence", [], Status.CONFIRMED,
                       [Source(f"a{k}", "A drone over Uil.", 0, 17)], ["drone sighting"], f"a{k}", {0},
                       articles={f"a{k}"}) for k in range(300)]
    (event,) = merge_across(cands)
    assert [s.article_id for s in event.sources] == [f"a{k}" for k in range(300)]
    assert event.rules == ["drone sighting"] and len(event.articles) == 300
