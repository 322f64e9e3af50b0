"""Build the news date development set: tests/gold/news_dates.jsonl (reproducible, seeded).

Every case is one short news passage with a publication date and the gold dates in it, written
from templates in news style over eight publication dates (every weekday, several months and
years), so no rule can be tuned to one calendar position. Gold values come from plain calendar
arithmetic in this file, never from Parallax. Categories follow the dates issue:

1 invented     fragments that are not dates and must get no value ("a four-year low")
2 not-dates    durations-as-adjectives, counts, frequencies, ages, index and product names
3 weekday      weekday direction from the governing verb; the publication day itself
4 relative     "the end of next month", "last November", "earlier this week", "that morning"
5 ranges       "between March and May", "12-15 October", "from Tuesday to Friday"
6 no-year      month or day without a year in a future context, also after an earlier year
7 numeric      "3/4/09", "2023-09-18", weeks, quarters, seasons, decades, named days

A negative case lists the phrase that must not be a date in ``not_dates``.
Run: python eval/news_dates_build.py  (rewrites the file; review the diff)
"""

from __future__ import annotations

import calendar
import datetime as dt
import json
import random
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "tests" / "gold" / "news_dates.jsonl"
PUBLISHED = [
    dt.date(2023, 9, 18),
    dt.date(2023, 3, 1),
    dt.date(2022, 12, 30),
    dt.date(2024, 2, 29),
    dt.date(2021, 6, 5),
    dt.date(2023, 11, 9),
    dt.date(2020, 7, 14),
    dt.date(2024, 10, 27),
]
WEEKDAYS = list(calendar.day_name)
MONTHS = list(calendar.month_name)[1:]
SUBJECTS = ["The company", "The ministry", "Officials", "The central bank", "Police", "The council", "The union"]


def iso(d: dt.date) -> str:
    return d.isoformat()


def month_value(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"


def shift_month(year: int, month: int, delta: int) -> tuple[int, int]:
    k = year * 12 + month - 1 + delta
    return k // 12, k % 12 + 1


def week_value(d: dt.date) -> str:
    year, week, _ = d.isocalendar()
    return f"{year:04d}-W{week:02d}"


def quarter_value(year: int, month: int) -> str:
    return f"{year:04d}-Q{(month - 1) // 3 + 1}"


def previous_weekday(pub: dt.date, weekday: int, include_today: bool = True) -> dt.date:
    delta = (pub.weekday() - weekday) % 7
    return pub - dt.timedelta(days=delta if (delta or include_today) else 7)


def next_weekday(pub: dt.date, weekday: int, include_today: bool = True) -> dt.date:
    delta = (weekday - pub.weekday()) % 7
    return pub + dt.timedelta(days=delta if (delta or include_today) else 7)


def next_occurrence(pub: dt.date, month: int, day: int | None = None) -> tuple[int, int]:
    """Year of the next (or current) occurrence of a month (and day) on or after publication."""
    here, now = (month, day or 0), (pub.month, pub.day if day else 0)
    return (pub.year if here >= now else pub.year + 1), month


def case(category: str, pub: dt.date, text: str, dates: list[dict], not_dates: list[str] | None = None) -> dict:
    return {"category": category, "published": iso(pub), "text": text, "dates": dates, "not_dates": not_dates or []}


def build(seed: int = 5) -> list[dict]:
    rng = random.Random(seed)
    cases: list[dict] = []
    for pub in PUBLISHED:
        subject = rng.choice(SUBJECTS)
        # 1 invented: fragments of other things that spaCy may tag DATE.
        cases += [
            case("invented", pub, "Shares hit a four-year low as investors fled.", [], ["four-year"]),
            case("invented", pub, "Yields on ten-year bonds rose sharply.", [], ["ten-year"]),
            case("invented", pub, "Jones, 62, said the plan would fail.", [], ["62"]),
            case("invented", pub, f"{subject} said it had 2,023 employees at the end of trading.", [], ["2,023"]),
        ]
        # 2 not dates at all.
        cases += [
            case("not-dates", pub, "A 34-year-old man was arrested.", [], ["34-year-old"]),
            case("not-dates", pub, "Prices have fallen for five straight weeks.", [], ["five straight weeks"]),
            case("not-dates", pub, "The annual report is published quarterly.", [], ["annual", "quarterly"]),
            case(
                "not-dates",
                pub,
                "Inspectors visit twice a year and fine 20 a month.",
                [],
                ["twice a year", "20 a month"],
            ),
            case("not-dates", pub, "The FTSE 100 and the S&P 500 both fell.", [], ["FTSE 100", "S&P 500"]),
            case(
                "not-dates",
                pub,
                "The laptops run Windows 11 with version 2.4.1 of the app.",
                [],
                ["Windows 11", "2.4.1"],
            ),
            case("not-dates", pub, "About a third of the staff left.", [], ["a third"]),
        ]
        # 3 weekday direction.
        # The publication day's own weekday is its own case below ("announced the cuts on <today>").
        for weekday in rng.sample([d for d in range(7) if d != pub.weekday()], 3):
            name = WEEKDAYS[weekday]
            said = previous_weekday(pub, weekday)
            cases.append(
                case(
                    "weekday",
                    pub,
                    f"{subject} said on {name} that it will reopen the plant.",
                    [{"text": name, "value": iso(said)}],
                )
            )
            until = next_weekday(pub, weekday, include_today=False)
            cases.append(
                case("weekday", pub, f"The border will stay shut until {name}.", [{"text": name, "value": iso(until)}])
            )
            meet = next_weekday(pub, weekday, include_today=False)
            cases.append(
                case(
                    "weekday",
                    pub,
                    f"Ministers are due to meet on {name} to discuss the budget.",
                    [{"text": name, "value": iso(meet)}],
                )
            )
        today = WEEKDAYS[pub.weekday()]
        cases.append(
            case("weekday", pub, f"{subject} announced the cuts on {today}.", [{"text": today, "value": iso(pub)}])
        )
        # 4 relative phrases.
        ny, nm = shift_month(pub.year, pub.month, 1)
        py, pm = shift_month(pub.year, pub.month, -1)
        last_nov = pub.year - 1 if pub.month <= 11 else pub.year
        monday = pub - dt.timedelta(days=pub.weekday())
        cases += [
            case(
                "relative",
                pub,
                "The deal should close by the end of next month.",
                [{"text": "the end of next month", "value": month_value(ny, nm)}],
            ),
            case(
                "relative",
                pub,
                "Sales have doubled since the start of this year.",
                [{"text": "the start of this year", "value": f"{pub.year:04d}"}],
            ),
            case(
                "relative",
                pub,
                "Profit was 4% lower than in the same quarter a year earlier.",
                [{"text": "the same quarter a year earlier", "value": quarter_value(pub.year - 1, pub.month)}],
            ),
            case(
                "relative",
                pub,
                "The first case was reported last November.",
                [{"text": "last November", "value": month_value(last_nov, 11)}],
            ),
            case(
                "relative",
                pub,
                "The talks collapsed earlier this week.",
                [{"text": "earlier this week", "value": week_value(pub)}],
            ),
            case(
                "relative",
                pub,
                "A verdict is expected later this month.",
                [{"text": "later this month", "value": month_value(pub.year, pub.month)}],
            ),
            case(
                "relative",
                pub,
                "Output fell in the previous year as well.",
                [{"text": "the previous year", "value": f"{pub.year - 1:04d}"}],
            ),
            case("relative", pub, "Prices rose last month.", [{"text": "last month", "value": month_value(py, pm)}]),
            case(
                "relative",
                pub,
                "The strike began last week.",
                [{"text": "last week", "value": week_value(monday - dt.timedelta(days=7))}],
            ),
            case(
                "relative",
                pub,
                "The minister arrived on 3 March 2019. He left the same day.",
                [{"text": "3 March 2019", "value": "2019-03-03"}, {"text": "the same day", "value": "2019-03-03"}],
            ),
            case(
                "relative",
                pub,
                "Rebels attacked the town on June 8, 2018. That morning, troops withdrew.",
                [{"text": "June 8, 2018", "value": "2018-06-08"}, {"text": "That morning", "value": "2018-06-08"}],
            ),
            case(
                "relative",
                pub,
                "The ceasefire began on 10 May 2017. The week before, talks had failed.",
                [
                    {"text": "10 May 2017", "value": "2017-05-10"},
                    {"text": "The week before", "value": week_value(dt.date(2017, 5, 3))},
                ],
            ),
        ]
        # 5 ranges and merged spans.
        n_year = pub.year + 1
        start_month = rng.choice(range(1, 10))
        tue, fri = next_weekday(pub, 1, include_today=False), None
        fri = tue + dt.timedelta(days=3)
        cases += [
            case(
                "ranges",
                pub,
                f"Fighting was heaviest between {MONTHS[start_month - 1]} and {MONTHS[start_month + 1]} 2021.",
                [
                    {"text": MONTHS[start_month - 1], "value": month_value(2021, start_month)},
                    {"text": f"{MONTHS[start_month + 1]} 2021", "value": month_value(2021, start_month + 2)},
                ],
            ),
            case(
                "ranges",
                pub,
                "The plant will reopen in June of next year.",
                [{"text": "June of next year", "value": month_value(n_year, 6)}],
            ),
            case(
                "ranges",
                pub,
                "The festival ran from 12-15 October 2022.",
                [{"text": "12", "value": "2022-10-12"}, {"text": "15 October 2022", "value": "2022-10-15"}],
            ),
            case(
                "ranges",
                pub,
                "The museum will be closed from Tuesday to Friday.",
                [{"text": "Tuesday", "value": iso(tue)}, {"text": "Friday", "value": iso(fri)}],
            ),
            case(
                "ranges",
                pub,
                "The rebels took the city on March 3, 2015. Two days later, the army returned.",
                [{"text": "March 3, 2015", "value": "2015-03-03"}, {"text": "Two days later", "value": "2015-03-05"}],
            ),
        ]
        # A range of days a few days ahead in a sentence without tense (announcements: "Talks run from
        # 20 to 23 September") is this year's, and its end is in the year it starts; one just past, too.
        ahead, behind = pub + dt.timedelta(days=3), pub - dt.timedelta(days=9)
        for first in (ahead, behind):
            last = first + dt.timedelta(days=3)
            if last.month != first.month:
                continue
            month = MONTHS[first.month - 1]
            cases += [
                case(
                    "ranges",
                    pub,
                    f"Ministers hold talks in Geneva from {first.day} to {last.day} {month}.",
                    [
                        {"text": str(first.day), "value": iso(first)},
                        {"text": f"{last.day} {month}", "value": iso(last)},
                    ],
                ),
                case(
                    "ranges",
                    pub,
                    f"The envoy visits Russia between {month} {first.day} and {last.day}, the ministry says.",
                    [
                        {"text": f"{month} {first.day}", "value": iso(first)},
                        {"text": str(last.day), "value": iso(last)},
                    ],
                ),
            ]
        # 6 month or day without a year, future context, also after an earlier year in the paragraph.
        for month in rng.sample(range(1, 13), 2):
            day = rng.randint(1, 28)
            y, _ = next_occurrence(pub, month, day)
            cases.append(
                case(
                    "no-year",
                    pub,
                    f"The bridge is due to open on {MONTHS[month - 1]} {day}.",
                    [{"text": f"{MONTHS[month - 1]} {day}", "value": iso(dt.date(y, month, day))}],
                )
            )
            y2, _ = next_occurrence(pub, month)
            cases.append(
                case(
                    "no-year",
                    pub,
                    f"Built in 1998, the stadium should be finished in {MONTHS[month - 1]}.",
                    [{"text": "1998", "value": "1998"}, {"text": MONTHS[month - 1], "value": month_value(y2, month)}],
                )
            )
            cases.append(
                case(
                    "no-year",
                    pub,
                    f"The treaty of 2011 could be replaced on {day} {MONTHS[month - 1]}.",
                    [
                        {"text": "2011", "value": "2011"},
                        {"text": f"{day} {MONTHS[month - 1]}", "value": iso(dt.date(y, month, day))},
                    ],
                )
            )
        # 7 numeric dates, weeks, quarters, seasons, decades, named days.
        xmas_year = pub.year if (pub.month, pub.day) <= (12, 25) else pub.year + 1
        cases += [
            case("numeric", pub, "The contract was signed on 3/4/09.", [{"text": "3/4/09", "value": "2009-03-04"}]),
            case("numeric", pub, "The filing is dated 2023-09-18.", [{"text": "2023-09-18", "value": "2023-09-18"}]),
            case(
                "numeric",
                pub,
                "Growth slowed in the third quarter of 2019.",
                [{"text": "the third quarter of 2019", "value": "2019-Q3"}],
            ),
            # Past tense: the most recent second quarter that has begun by publication.
            case(
                "numeric",
                pub,
                "Revenue fell in Q2.",
                [{"text": "Q2", "value": f"{pub.year if pub.month >= 4 else pub.year - 1:04d}-Q2"}],
            ),
            case("numeric", pub, "The factory closed in the 1990s.", [{"text": "the 1990s", "value": "199"}]),
            case(
                "numeric",
                pub,
                "Shops will open late on Christmas Day.",
                [{"text": "Christmas Day", "value": iso(dt.date(xmas_year, 12, 25))}],
            ),
            case(
                "numeric",
                pub,
                "The law took effect on New Year's Day 2020.",
                [{"text": "New Year's Day 2020", "value": "2020-01-01"}],
            ),
            case(
                "numeric",
                pub,
                "Harvests failed in the summer of 2018.",
                [{"text": "the summer of 2018", "value": "2018"}],
            ),
        ]
    return cases


def main() -> None:
    cases = build()
    OUT.write_text("".join(json.dumps(c, ensure_ascii=False) + "\n" for c in cases), encoding="utf-8")
    print(
        f"{len(cases)} cases, {sum(len(c['dates']) for c in cases)} gold dates, "
        f"{sum(len(c['not_dates']) for c in cases)} negatives -> {OUT.relative_to(ROOT)}"
    )


if __name__ == "__main__":
    main()
