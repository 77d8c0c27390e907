#!/usr/bin/env python3
"""Generate the sample partners in examples/partners/.

Each partner is one JSON document in the format of the partner data contract
(shared/spec/partner-data.md, "One partner: JSON"). The files are checked in;
this script regenerates them byte for byte:

    python3 examples/generate_partners.py            # write examples/partners/*.json
    python3 examples/generate_partners.py --check    # exit 1 if a file differs

Rules kept here:

- Standard library only. No binary floating point anywhere: amounts are whole
  numbers of millionths of a dollar (`int`), and the JSON text, including
  every decimal, is formatted by hand.
- Deterministic: the one partner drawn at random (`large.json`) uses a
  SplitMix64 generator with a fixed seed, implemented below, so its output does
  not depend on the Python version.

examples/README.md describes each partner and its expected results under
rulesets/2023-06.
"""

import argparse
import datetime
import json
import pathlib
import re
import sys

HERE = pathlib.Path(__file__).resolve().parent
OUT_DIR = HERE / "partners"

# ---------------------------------------------------------------------------
# Months and amounts
# ---------------------------------------------------------------------------

FIRST_MONTH = (2022, 6)
MONTH_COUNT = 25  # 2022-06 .. 2024-06


def month(i):
    """The i-th month of the data, 0 = 2022-06, 24 = 2024-06."""
    y, m = FIRST_MONTH
    n = y * 12 + (m - 1) + i
    return "%04d-%02d" % (n // 12, n % 12 + 1)


def month_index(text):
    y, m = int(text[:4]), int(text[5:7])
    return (y * 12 + m - 1) - (FIRST_MONTH[0] * 12 + FIRST_MONTH[1] - 1)


MONTHS = [month(i) for i in range(MONTH_COUNT)]

MICROS = 1_000_000
_DECIMAL = re.compile(r"^-?(0|[1-9][0-9]*)(\.[0-9]{1,6})?$")


def micros(text):
    """'1250.10' -> 1250100000 (exact)."""
    assert _DECIMAL.match(text), text
    neg = text.startswith("-")
    whole, _, frac = text.lstrip("-").partition(".")
    value = int(whole) * MICROS + int((frac + "000000")[:6])
    return -value if neg else value


def fmt_micros(value):
    """Two fraction digits when the amount is whole cents, else six."""
    sign = "-" if value < 0 else ""
    a = abs(value)
    if a % 10_000 == 0:
        return "%s%d.%02d" % (sign, a // MICROS, (a % MICROS) // 10_000)
    return "%s%d.%06d" % (sign, a // MICROS, a % MICROS)


def usd(text):
    """An amount written as text, kept as the exact text for the JSON."""
    micros(text)  # validates
    return text


# ---------------------------------------------------------------------------
# The partner model and its JSON text
# ---------------------------------------------------------------------------


class Customer:
    def __init__(self, tenant, segment, associations):
        self.tenant = tenant
        self.segment = segment
        self.associations = associations  # [(type, since)]
        self.usage = []  # [dict]: month, measure, value (text), dimensions

    def acr(self, month_text, value, service, offer="Pay-As-You-Go", association="default"):
        """One ACR row; `value` is exact text or whole millionths."""
        if association == "default":
            association = self.associations[0][0]
        if isinstance(value, int):
            value = fmt_micros(value)
        assert _DECIMAL.match(value), value
        row = {"month": month_text, "measure": "acr", "value": value, "service": service}
        if offer is not None:
            row["offer"] = offer
        if association is not None:
            row["association"] = association
        self.usage.append(row)

    def linear(self, service, first, last, start, step, offer="Pay-As-You-Go", association="default"):
        """Monthly rows from `first` to `last` (inclusive): start, start + step, ..."""
        a, b = micros(start), micros(step)
        for i in range(month_index(first), month_index(last) + 1):
            self.acr(month(i), a + b * (i - month_index(first)), service, offer, association)


class Partner:
    def __init__(self, pid, name, market, attributes):
        self.id = pid
        self.name = name
        self.market = market
        self.attributes = attributes  # [(key, str)]
        self.people = []  # [(id, [(code, earned, expires or None)])]
        self.customers = []

    def person(self, pid, *certs):
        certs = [c if len(c) == 3 else (c[0], c[1], None) for c in certs]
        self.people.append((pid, certs))

    def customer(self, tenant, segment, *associations):
        c = Customer(tenant, segment, list(associations))
        self.customers.append(c)
        return c


def js(s):
    return json.dumps(s)


USAGE_KEYS = ["month", "measure", "value", "service", "service_group", "workload", "product", "offer",
              "association", "area"]


def render(p):
    """The partner as JSON text: one certification and one usage row a line."""
    seen_people, seen_tenants = set(), set()
    out = []
    attrs = ", ".join("%s: %s" % (js(k), js(v)) for k, v in p.attributes)
    out.append("{\n")
    out.append('  "partner": { "id": %s, "name": %s, "market": %s,\n' % (js(p.id), js(p.name), js(p.market)))
    out.append('               "attributes": { %s } },\n' % attrs)
    out.append('  "people": [')
    for i, (pid, certs) in enumerate(p.people):
        assert pid not in seen_people, pid
        seen_people.add(pid)
        out.append(",\n" if i else "\n")
        out.append('    { "id": %s, "certifications": [' % js(pid))
        for j, (code, earned, expires) in enumerate(certs):
            datetime.date.fromisoformat(earned)
            out.append(",\n" if j else "\n")
            out.append('        { "code": %s, "earned": %s' % (js(code), js(earned)))
            if expires is not None:
                assert datetime.date.fromisoformat(expires) >= datetime.date.fromisoformat(earned)
                out.append(', "expires": %s' % js(expires))
            out.append(" }")
        out.append(" ] }" if certs else "] }")
    out.append("\n  ],\n")
    out.append('  "customers": [')
    for i, c in enumerate(p.customers):
        assert c.tenant not in seen_tenants, c.tenant
        seen_tenants.add(c.tenant)
        out.append(",\n" if i else "\n")
        out.append('    { "tenant": %s, "segment": %s,\n' % (js(c.tenant), js(c.segment)))
        assoc = ", ".join('{ "type": %s, "since": %s }' % (js(t), js(s)) for t, s in c.associations)
        out.append('      "associations": [ %s ],\n' % assoc)
        out.append('      "usage": [')
        for j, row in enumerate(c.usage):
            fields = []
            for k in USAGE_KEYS:
                if k in row:
                    fields.append('"%s": %s' % (k, row[k] if k == "value" else js(row[k])))
            out.append(",\n" if j else "\n")
            out.append("        { " + ", ".join(fields) + " }")
        out.append(" ] }" if c.usage else "] }")
    out.append("\n  ]\n}\n")
    return "".join(out)


# ---------------------------------------------------------------------------
# 1. all-three.json: attains Data & AI, Infrastructure and Digital & App Innovation
# ---------------------------------------------------------------------------


def all_three():
    p = Partner("fabrikam", "Fabrikam Cloud Partners", "larger", [("region", "North America")])
    # AZ-104 x3 (p03's has expired), AZ-305 x2: every prerequisite is met.
    p.person("p01", ("AZ-104", "2021-03-08"), ("AZ-305", "2022-01-19"))
    p.person("p02", ("AZ-104", "2020-11-23"), ("AZ-305", "2021-06-02"), ("AZ-400", "2023-02-14"))
    p.person("p03", ("AZ-104", "2021-09-10", "2023-12-31"), ("AZ-204", "2022-08-30", "2024-08-30"))
    p.person("p04", ("AZ-104", "2022-05-17"), ("AZ-700", "2023-04-21"))
    p.person("p05", ("AZ-800", "2022-10-03"), ("AZ-801", "2022-12-12"))
    p.person("p06", ("AZ-204", "2023-01-25"), ("PL-400", "2023-07-11"))
    p.person("p07", ("DP-203", "2022-03-29"), ("DP-100", "2023-05-05"))
    p.person("p08", ("DP-300", "2023-09-18"))
    p.person("p09", ("AI-102", "2023-11-07", "2024-11-07"))
    p.person("p10", ("PL-300", "2022-07-14"), ("DP-500", "2023-03-03"))
    p.person("p11", ("AZ-140", "2023-06-26"))
    p.person("p12", ("PL-600", "2024-02-09"))
    p.person("p13", ("DP-500", "2023-08-22"))

    c = p.customer("t-contoso-001", "enterprise", ("PAL", "2021-11-15"))
    c.linear("Azure App Service", "2022-06", "2024-06", "1800.00", "20.00")
    c.linear("Azure SQL Database", "2022-06", "2024-06", "950.00", "5.00")

    c = p.customer("t-northwind-002", "enterprise", ("DPOR", "2022-02-01"))
    c.linear("Azure Kubernetes Service", "2022-06", "2024-06", "1500.00", "40.00")
    c.linear("Storage", "2022-06", "2024-06", "300.00", "2.50")
    c.linear("Virtual Machines", "2022-06", "2024-06", "2200.00", "-10.00")

    c = p.customer("t-tailspin-003", "smb", ("CSP1", "2023-08-20"))
    c.linear("Azure Functions", "2023-09", "2024-06", "400.00", "60.00", offer="Azure Plan")
    c.linear("Azure Cosmos DB", "2023-09", "2024-06", "200.00", "40.00", offer="Azure Plan")

    c = p.customer("t-wingtip-004", "smc", ("CSP2", "2023-10-02"))
    c.linear("Azure Synapse Analytics", "2023-11", "2024-06", "350.00", "50.00", offer="Azure Plan")
    c.linear("Azure Machine Learning", "2023-11", "2024-06", "200.00", "30.00", offer="Azure Plan")

    c = p.customer("t-litware-005", "enterprise", ("PAL", "2024-01-10"))
    c.linear("Azure Data Factory", "2024-02", "2024-06", "500.00", "150.00", offer="Enterprise Agreement")
    c.linear("Key Vault", "2024-02", "2024-06", "20.00", "5.00", offer="Enterprise Agreement")

    # Ineligible: attributed through CPOR only.
    c = p.customer("t-adatum-006", "smb", ("CPOR", "2022-01-05"))
    c.linear("Azure Databricks", "2022-06", "2024-06", "5000.00", "0.00")

    # Ineligible: Support and Trial offers.
    c = p.customer("t-proseware-007", "enterprise", ("PAL", "2022-09-01"))
    c.linear("Azure Monitor", "2022-09", "2024-06", "1200.00", "0.00", offer="Support")
    c.linear("Azure OpenAI Service", "2024-03", "2024-06", "1500.00", "0.00", offer="Trial")

    # Eligible but small, and only Virtual Machines (no deployments).
    c = p.customer("t-fourthcoffee-008", "smb", ("CSP1", "2021-04-12"))
    c.linear("Virtual Machines", "2022-06", "2024-06", "300.00", "5.00", offer="Azure Plan")
    c.linear("Virtual Machines Licenses", "2022-06", "2024-06", "80.00", "0.00", offer="Azure Plan")
    return p


# ---------------------------------------------------------------------------
# 2. missing-prerequisite.json: one valid Azure Solutions Architect Expert
# ---------------------------------------------------------------------------


def missing_prerequisite():
    p = Partner("firstup", "First Up Consultants", "larger", [("region", "Asia Pacific")])
    p.person("p01", ("AZ-104", "2021-02-17"), ("AZ-305", "2022-06-28"))
    # The second architect's certification expired the day before the as-of month.
    p.person("p02", ("AZ-104", "2021-05-10"), ("AZ-305", "2021-05-31", "2024-05-31"))
    p.person("p03", ("AZ-104", "2022-01-12"), ("AZ-700", "2023-03-15"))
    p.person("p04", ("AZ-800", "2023-01-09"), ("AZ-801", "2023-02-20"))
    p.person("p05", ("AZ-700", "2022-09-06"))
    p.person("p06", ("AZ-140", "2023-04-11"))
    p.person("p07", ("AZ-120", "2022-12-01"))
    p.person("p08", ("AZ-400", "2023-06-19"))
    p.person("p09", ("AZ-204", "2022-10-24"))
    p.person("p10", ("AZ-204", "2023-02-02"), ("PL-400", "2023-08-08"))
    p.person("p11", ("PL-400", "2024-01-30"))
    p.person("p12", ("DP-203", "2022-11-14"))
    p.person("p13", ("AI-102", "2023-05-23"))
    p.person("p14", ("DP-300", "2023-10-04"))
    p.person("p15", ("AZ-600", "2022-04-27"))
    p.person("p16", ("AZ-220", "2022-08-15"))

    c = p.customer("t-relecloud-001", "enterprise", ("PAL", "2021-08-03"))
    c.linear("Azure App Service", "2022-06", "2024-06", "2500.00", "15.00")
    c.linear("Azure Cache for Redis", "2022-06", "2024-06", "120.00", "0.00")

    c = p.customer("t-margies-002", "enterprise", ("CSP2", "2022-03-14"))
    c.linear("Azure SQL Database", "2022-06", "2024-06", "1300.00", "10.00", offer="Azure Plan")
    c.linear("Virtual Machines", "2022-06", "2024-06", "900.00", "0.00", offer="Azure Plan")

    c = p.customer("t-lamna-003", "enterprise", ("DPOR", "2022-05-20"))
    c.linear("Azure Kubernetes Service", "2022-06", "2024-06", "1100.00", "25.00")
    c.linear("Container Registry", "2022-06", "2024-06", "60.00", "0.00")

    c = p.customer("t-alpineski-004", "smb", ("CSP1", "2023-07-12"))
    c.linear("Azure App Service", "2023-08", "2024-06", "600.00", "50.00", offer="Azure Plan")

    c = p.customer("t-bellows-005", "smc", ("CSP1", "2023-12-04"))
    c.linear("Azure Functions", "2024-01", "2024-06", "700.00", "80.00", offer="Azure Plan")

    c = p.customer("t-coho-006", "smb", ("PAL", "2024-03-18"))
    c.linear("API Management", "2024-03", "2024-06", "900.00", "60.00")

    # Ineligible: CPOR.
    c = p.customer("t-humongous-007", "enterprise", ("CPOR", "2022-02-28"))
    c.linear("Azure Synapse Analytics", "2022-06", "2024-06", "3000.00", "0.00")

    # Trial usage does not count; the small Virtual Machines Licenses usage does.
    c = p.customer("t-trey-008", "smb", ("CSP1", "2022-06-01"))
    c.linear("Virtual Machines Licenses", "2022-06", "2024-06", "200.00", "0.00", offer="Azure Plan")
    c.linear("Azure Kubernetes Service", "2024-01", "2024-06", "1500.00", "0.00", offer="Trial")
    return p


# ---------------------------------------------------------------------------
# 3. zero-metric.json: a hosting partner whose eligible usage is all Virtual Machines
# ---------------------------------------------------------------------------


def zero_metric():
    p = Partner("vanarsdel", "VanArsdel Hosting", "other", [("region", "Europe")])
    p.person("p01", ("AZ-104", "2020-10-02"), ("AZ-305", "2021-11-30"))
    p.person("p02", ("AZ-104", "2021-01-18"), ("AZ-305", "2022-04-06"), ("AZ-140", "2022-09-29"))
    p.person("p03", ("AZ-104", "2021-07-07"), ("AZ-800", "2022-08-01"), ("AZ-801", "2022-09-12"))
    p.person("p04", ("AZ-700", "2023-02-27"))
    p.person("p05", ("AZ-800", "2023-03-13"), ("AZ-801", "2023-04-24"))
    p.person("p06", ("AZ-600", "2021-12-15"))
    p.person("p07", ("AZ-700", "2022-06-21"), ("AZ-800", "2023-10-30"))
    p.person("p08", ("AZ-140", "2023-05-16"))
    p.person("p09", ("AZ-120", "2022-02-08"))
    p.person("p10", ("AZ-800", "2024-01-22"), ("AZ-801", "2024-03-05"))
    p.person("p11", ("AZ-204", "2023-07-19"))

    c = p.customer("t-blueyonder-001", "enterprise", ("PAL", "2021-06-14"))
    c.linear("Virtual Machines", "2022-06", "2024-06", "4200.00", "30.00")
    c.linear("Virtual Machines Licenses", "2022-06", "2024-06", "900.00", "5.00")
    # Internal offer: not eligible (would otherwise be a deployment).
    c.linear("Azure Backup", "2022-06", "2024-06", "300.00", "0.00", offer="Internal")

    # The customer's SQL Database is attributed through CPOR only.
    c = p.customer("t-citypower-002", "enterprise", ("DPOR", "2021-09-09"), ("CPOR", "2022-03-01"))
    c.linear("Virtual Machines", "2022-06", "2024-06", "2600.00", "20.00")
    c.linear("Azure SQL Database", "2022-06", "2024-06", "800.00", "0.00", association="CPOR")

    c = p.customer("t-nodpub-003", "smb", ("CSP1", "2023-08-28"))
    c.linear("Virtual Machines", "2023-09", "2024-06", "700.00", "60.00", offer="Azure Plan")

    c = p.customer("t-woodgrove-004", "enterprise", ("CSP2", "2023-10-16"))
    c.linear("Virtual Machines", "2023-11", "2024-06", "900.00", "20.00", offer="Azure Plan")
    c.linear("Virtual Machines Licenses", "2023-11", "2024-06", "150.00", "0.00", offer="Azure Plan")

    c = p.customer("t-consolidated-005", "smc", ("CSP1", "2024-01-29"))
    c.linear("Virtual Machines", "2024-02", "2024-06", "1050.00", "0.00", offer="Azure Plan")

    c = p.customer("t-trey-006", "smb", ("PAL", "2022-04-04"))
    c.linear("Virtual Machines", "2022-06", "2024-06", "150.00", "0.00")
    c.linear("Azure Kubernetes Service", "2024-01", "2024-06", "600.00", "0.00", offer="Trial")

    # Usage without an association field is not attributed to the partner.
    c = p.customer("t-proseware-007", "enterprise", ("PAL", "2024-05-02"))
    c.linear("Azure App Service", "2023-01", "2024-06", "1500.00", "0.00", association=None)
    return p


# ---------------------------------------------------------------------------
# 4. exact-thresholds.json: amounts at the edges of every threshold
# ---------------------------------------------------------------------------


def exact_thresholds():
    p = Partner("lucerne", "Lucerne Data Labs", "other", [("region", "Europe")])
    # Prerequisites met by exactly two people each, at the edges of the as-of month.
    p.person("p01", ("AZ-104", "2022-03-14", "2024-06-01"))  # expires on the first day of 2024-06: counts
    p.person("p02", ("AZ-104", "2024-06-30"))  # earned on the last day of 2024-06: counts
    p.person("p03", ("AZ-104", "2024-07-01"))  # earned after 2024-06: does not count
    p.person("p04", ("AZ-700", "2023-08-09"))
    p.person("p05", ("AZ-600", "2022-11-02"))  # retired, counts through 2024-07
    p.person("p06", ("AZ-800", "2023-01-16"), ("AZ-801", "2023-03-27"))
    p.person("p07", ("AZ-800", "2023-05-30"))  # one exam of two: does not count
    p.person("p08", ("AZ-800", "2022-02-01"), ("AZ-801", "2022-05-31", "2024-05-31"))  # AZ-801 expired
    p.person("p09", ("AZ-305", "2022-12-05"))
    p.person("p10", ("AZ-305", "2024-06-30"))  # earned on the last day of 2024-06: counts
    p.person("p11", ("AZ-140", "2023-10-10"))
    p.person("p12", ("AZ-120", "2024-02-26"))
    p.person("p13", ("AZ-140", "2022-05-31", "2024-05-31"))  # expired the day before 2024-06
    p.person("p14", ("AZ-204", "2023-04-04"))
    p.person("p15", ("AZ-220", "2020-09-17"))  # retired, counts through 2024-07
    p.person("p16", ("DP-420", "2024-06-15"))

    def steady(c, service, amounts, default):
        """One row a month 2022-06..2024-06: `amounts[month]` or the default."""
        for m in MONTHS:
            c.acr(m, amounts.get(m, default), service)

    # Exactly 1000.00 in 2024-06: counts.
    c = p.customer("t-bestforyou-001", "smb", ("PAL", "2022-05-09"))
    steady(c, "Azure App Service", {"2023-05": "850.00", "2023-06": "900.00", "2024-05": "960.00",
                                    "2024-06": "1000.00"}, "850.00")
    c.acr("2023-06", "150.00", "Azure App Service", offer="Support")  # not eligible

    # 999.999999 in 2024-05 and 999.995 in 2024-06: does not count.
    c = p.customer("t-munson-002", "smb", ("CSP1", "2022-01-20"))
    steady(c, "Azure App Service", {"2023-05": "700.00", "2023-06": "750.00", "2024-05": "999.999999",
                                    "2024-06": "999.995"}, "700.00")
    c.acr("2024-06", "0.005", "Azure SQL Database", offer="Trial")  # would make 1000.000 if it counted

    # Three rows 333.33 + 333.33 + 333.34 = 1000.00 in 2024-05: counts.
    c = p.customer("t-nodpub-003", "enterprise", ("DPOR", "2022-07-11"))
    for m in MONTHS:
        if m == "2024-05":
            c.acr(m, "333.33", "Storage")
            c.acr(m, "333.33", "Key Vault")
            c.acr(m, "333.34", "Azure App Service")
        else:
            c.acr(m, {"2023-05": "280.00", "2023-06": "300.00", "2024-06": "420.00"}.get(m, "280.00"),
                  "Azure App Service")

    # 1200.000001 and a credit of -200.000001 in 2024-06: 1000.000000, counts.
    c = p.customer("t-graphicdesign-004", "smc", ("CSP2", "2022-10-03"))
    steady(c, "Azure Data Factory", {"2023-05": "240.00", "2023-06": "250.00", "2024-05": "640.00",
                                     "2024-06": "1200.000001"}, "240.00")
    c.acr("2024-06", "-200.000001", "Azure Data Factory")

    # 1000.00 in 2023-05: an eligible customer at 2023-06, lost since.
    c = p.customer("t-fineart-005", "enterprise", ("PAL", "2021-12-01"), ("CPOR", "2024-06-03"))
    for m in MONTHS:
        before = month_index(m) < month_index("2023-05")
        value = {"2023-05": "1000.00", "2023-06": "800.00", "2024-05": "380.00", "2024-06": "400.00"}.get(
            m, "900.00" if before else "380.00")
        c.acr(m, value, "Azure App Service")
    c.acr("2024-06", "1000.00", "Azure App Service", association="CPOR")  # not eligible

    # Small amounts that bring ACR(2024-06) to exactly 1.2 x ACR(2023-06), and
    # the services at the edge of "more than zero ACR over the last 12 months".
    c = p.customer("t-consolidated-006", "smb", ("CSP1", "2022-02-15"))
    for m in MONTHS:
        c.acr(m, "10.00", "Virtual Machines", offer="Azure Plan")
        value = {"2023-06": "256.47", "2024-05": "75.00", "2024-06": "89.769"}.get(m, "240.00")
        c.acr(m, value, "Azure App Service", offer="Azure Plan")
        if m == "2023-09":
            c.acr(m, "50.00", "Azure Functions", offer="Azure Plan")
        if m == "2024-02":
            c.acr(m, "-50.00", "Azure Functions", offer="Azure Plan")  # 12-month total 0: no deployment
        if m == "2024-03":
            c.acr(m, "0.000001", "Azure Monitor", offer="Azure Plan")  # above zero: a deployment
    return p


# ---------------------------------------------------------------------------
# 5. large.json: the benchmark partner, drawn with a fixed seed
# ---------------------------------------------------------------------------

MASK64 = (1 << 64) - 1


class SplitMix64:
    """A small, fully specified generator: same numbers on every Python version."""

    def __init__(self, seed):
        self.state = seed & MASK64

    def next(self):
        self.state = (self.state + 0x9E3779B97F4A7C15) & MASK64
        z = self.state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK64
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK64
        return z ^ (z >> 31)

    def below(self, n):
        return self.next() % n

    def between(self, lo, hi):
        return lo + self.below(hi - lo + 1)

    def chance(self, percent):
        return self.below(100) < percent

    def pick(self, seq):
        return seq[self.below(len(seq))]

    def weighted(self, pairs):
        total = sum(w for _, w in pairs)
        r = self.below(total)
        for item, w in pairs:
            if r < w:
                return item
            r -= w
        raise AssertionError

    def sample(self, seq, k):
        pool = list(seq)
        out = []
        for _ in range(k):
            out.append(pool.pop(self.below(len(pool))))
        return out


COMPANIES = [
    "contoso", "fabrikam", "northwind", "tailspin", "wingtip", "litware", "adatum", "proseware",
    "fourthcoffee", "relecloud", "margies", "lamna", "alpineski", "bellows", "coho", "humongous",
    "trey", "blueyonder", "citypower", "nodpub", "woodgrove", "consolidated", "bestforyou", "munson",
    "graphicdesign", "fineart", "southridge", "lucerne", "wideworld", "vanarsdel",
]

# (service, weight, typical monthly amount in dollars, billed to the millionth?)
SERVICES = [
    ("Virtual Machines", 30, 2400, False),
    ("Virtual Machines Licenses", 12, 600, False),
    ("Azure App Service", 18, 900, False),
    ("Azure SQL Database", 16, 1100, False),
    ("Storage", 20, 250, True),
    ("Azure Kubernetes Service", 10, 1600, False),
    ("Azure Functions", 8, 180, True),
    ("Azure Cosmos DB", 7, 700, False),
    ("Azure Synapse Analytics", 5, 1800, False),
    ("Azure Data Factory", 6, 450, True),
    ("Azure Machine Learning", 4, 1300, False),
    ("Azure Databricks", 4, 2100, False),
    ("Key Vault", 9, 35, True),
    ("Azure Monitor", 10, 120, True),
    ("Azure Backup", 8, 220, False),
    ("Azure Virtual Desktop", 4, 950, False),
    ("API Management", 3, 650, False),
    ("Azure Cache for Redis", 4, 300, False),
    ("Azure OpenAI Service", 2, 800, True),
    ("Microsoft Defender for Cloud", 5, 400, False),
]

CODES = [
    ("AZ-104", 30), ("AZ-305", 14), ("AZ-204", 12), ("AZ-400", 7), ("AZ-700", 7), ("AZ-800", 5),
    ("AZ-600", 3), ("AZ-220", 3), ("AZ-140", 5), ("AZ-120", 3), ("DP-300", 6), ("DP-203", 7),
    ("DP-100", 4), ("AI-102", 5), ("PL-300", 6), ("DP-420", 2), ("MB-260", 1), ("PL-400", 4),
    ("PL-600", 2), ("DP-500", 3), ("AZ-900", 8), ("AZ-500", 4), ("SC-300", 2),
]


# AZ-600, a retired certification that counts through 2024-07, added by hand
# (the draw has none): valid for p12, expired for p24. The draw itself gives
# p26 a valid AZ-220 and p16 and p17 expired ones.
RETIRED_EXTRA = {
    12: [("AZ-600", "2022-03-15")],
    24: [("AZ-600", "2021-08-19", "2023-08-19")],
}


def add_days(day, n):
    return (datetime.date.fromisoformat(day) + datetime.timedelta(days=n)).isoformat()


def add_years(day, n):
    d = datetime.date.fromisoformat(day)
    try:
        return d.replace(year=d.year + n).isoformat()
    except ValueError:  # 29 February
        return d.replace(year=d.year + n, day=28).isoformat()


def large():
    rng = SplitMix64(20230613)
    p = Partner("adventure-works", "Adventure Works Cloud Consulting", "larger", [("region", "EMEA")])

    for i in range(1, 41):
        codes = []
        for _ in range(rng.weighted([(1, 30), (2, 40), (3, 20), (4, 10)])):
            code = rng.weighted(CODES)
            if code not in codes:
                codes.append(code)
        if "AZ-800" in codes and not rng.chance(20):
            codes.append("AZ-801")  # most AZ-800 holders passed AZ-801 too
        certs = []
        for code in codes:
            earned = add_days("2019-01-01", rng.below(2000))  # 2019-01-01 .. 2024-06-23
            kind = rng.weighted([("none", 55), ("renewed", 30), ("lapsed", 15)])
            if kind == "none":
                certs.append((code, earned))
            elif kind == "renewed":
                certs.append((code, earned, add_years(earned, rng.between(2, 4))))
            else:
                certs.append((code, earned, add_years(earned, 1)))
        certs += RETIRED_EXTRA.get(i, [])
        p.person("p%02d" % i, *certs)

    for i in range(1, 61):
        tenant = "t-%s-%03d" % (COMPANIES[(i - 1) % len(COMPANIES)], i)
        segment = rng.weighted([("enterprise", 40), ("smb", 35), ("smc", 25)])
        assoc = rng.weighted([("PAL", 35), ("DPOR", 20), ("CSP1", 20), ("CSP2", 15), ("CPOR", 10)])
        since = add_days("2019-06-01", rng.below(1800))
        lifecycle = rng.weighted([("steady", 55), ("new", 25), ("churned", 12), ("pilot", 8)])
        if lifecycle == "new":
            start = rng.between(4, 21)  # ramps up from a small pilot
        else:
            start = 0
        end = rng.between(8, 20) if lifecycle == "churned" else MONTH_COUNT
        if lifecycle == "new":
            since = add_days(month(start) + "-01", -rng.between(5, 40))
        associations = [(assoc, since)]
        extra_cpor = assoc != "CPOR" and rng.chance(10)
        if extra_cpor:
            associations.append(("CPOR", add_days(since, rng.between(30, 400))))
        c = p.customer(tenant, segment, *associations)
        offer = "Azure Plan" if assoc in ("CSP1", "CSP2") else rng.pick(["Pay-As-You-Go", "Enterprise Agreement"])

        names = []
        for _ in range(rng.between(3, 6)):
            s = rng.weighted([(s, w) for s, w, _, _ in SERVICES])
            if s not in names:
                names.append(s)
        scale = rng.weighted([(1, 30), (2, 35), (4, 20), (8, 10), (20, 5)])  # in quarters
        plans = []
        for s in names:
            _, _, typical, fine = next(x for x in SERVICES if x[0] == s)
            base = typical * MICROS * scale // 4 * rng.between(50, 150) // 100
            growth = rng.between(-15, 45)  # per mille a month
            plans.append((s, base, growth, fine))
        special = rng.weighted([(None, 80), ("Support", 6), ("Trial", 6), ("Benefit Program", 4), ("credits", 4)])

        for t in range(MONTH_COUNT):
            for s, base, growth, fine in plans:
                amount = base * (1000 + growth * t) // 1000
                if lifecycle == "new" and t < start:
                    amount = amount // 40  # a development subscription before the production rollout
                if lifecycle == "churned" and t >= end:
                    amount = amount // 60  # residual storage after moving away
                if lifecycle == "pilot":
                    amount = amount // 8
                amount = amount * rng.between(94, 106) // 100  # month to month noise
                if not fine:
                    amount -= amount % 10_000  # whole cents
                if amount <= 0:
                    continue
                c.acr(month(t), amount, s, offer)
            if extra_cpor and t >= 6:
                c.acr(month(t), plans[0][1] // 3 - plans[0][1] // 3 % 10_000, plans[0][0], offer, "CPOR")
            if special in ("Support", "Trial", "Benefit Program") and t % 3 == 0:
                amount = rng.between(200, 1500) * MICROS
                c.acr(month(t), amount, "Azure Monitor" if special == "Support" else plans[-1][0], special)
            if special == "credits" and t % 6 == 5:
                c.acr(month(t), -(rng.between(50, 900) * MICROS), plans[0][0], offer)
    return p


# ---------------------------------------------------------------------------
# 6. credits-and-churn.json: credits, lost customers, negative growth
# ---------------------------------------------------------------------------


def credits_and_churn():
    p = Partner("southridge", "Southridge Systems", "larger", [("region", "North America")])
    p.person("p01", ("AZ-104", "2021-04-19"), ("AZ-305", "2022-02-22"), ("AZ-140", "2022-11-08"))
    p.person("p02", ("AZ-104", "2020-12-03"), ("AZ-305", "2021-10-26"), ("AZ-120", "2023-01-31"))
    p.person("p03", ("AZ-104", "2022-06-06"), ("AZ-700", "2023-05-02"), ("AZ-204", "2022-09-14"))
    p.person("p04", ("AZ-800", "2022-07-25"), ("AZ-801", "2022-08-29"), ("AZ-400", "2023-03-20"))
    p.person("p05", ("AZ-700", "2023-09-12"), ("PL-400", "2023-06-07"))
    p.person("p06", ("AZ-140", "2023-12-18"), ("DP-203", "2022-04-13"))
    p.person("p07", ("AZ-120", "2024-03-11"), ("DP-300", "2023-02-06"))
    p.person("p08", ("AZ-600", "2021-10-04"), ("AI-102", "2023-08-28"))
    p.person("p09", ("AZ-204", "2023-11-20"), ("PL-600", "2024-04-15"))
    p.person("p10", ("AZ-220", "2021-03-22"), ("AZ-400", "2022-05-09"))
    p.person("p11", ("AZ-140", "2024-01-08"), ("PL-300", "2023-07-24"))

    # Eligible at 2023-06, then moved most workloads away.
    c = p.customer("t-wideworld-001", "enterprise", ("PAL", "2020-08-17"))
    c.linear("Azure App Service", "2022-06", "2023-06", "1600.00", "0.00")
    c.linear("Azure App Service", "2023-07", "2024-06", "300.00", "0.00")

    # A monthly reservation credit brings 1150.00 down to 950.00 from 2023-07.
    c = p.customer("t-alpineski-002", "enterprise", ("DPOR", "2021-05-04"))
    c.linear("Azure SQL Database", "2022-06", "2024-06", "1150.00", "0.00")
    c.linear("Azure SQL Database", "2023-07", "2024-06", "-200.00", "0.00")

    # Churned after 2023-12; a final billing credit makes its 2024-01 total negative.
    c = p.customer("t-coho-003", "smb", ("CSP1", "2021-11-29"))
    c.linear("Azure Kubernetes Service", "2022-06", "2023-12", "1300.00", "0.00", offer="Azure Plan")
    c.acr("2024-01", "-480.00", "Azure Kubernetes Service", offer="Azure Plan")

    # Steady.
    c = p.customer("t-bestforyou-004", "enterprise", ("PAL", "2021-02-10"))
    c.linear("Azure App Service", "2022-06", "2024-06", "2000.00", "0.00")

    # New in 2024-05.
    c = p.customer("t-margies-005", "smb", ("CSP2", "2024-04-22"))
    c.linear("Azure Functions", "2024-05", "2024-06", "1200.00", "0.00", offer="Azure Plan")

    # Cosmos DB stopped in 2023-07; a later credit leaves its 12-month total negative.
    c = p.customer("t-humongous-006", "enterprise", ("PAL", "2022-01-31"))
    c.linear("Azure Cosmos DB", "2022-06", "2023-06", "500.00", "0.00")
    c.acr("2023-10", "-75.00", "Azure Cosmos DB")
    return p


PARTNERS = [
    ("all-three.json", all_three),
    ("missing-prerequisite.json", missing_prerequisite),
    ("zero-metric.json", zero_metric),
    ("exact-thresholds.json", exact_thresholds),
    ("large.json", large),
    ("credits-and-churn.json", credits_and_churn),
]


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", type=pathlib.Path, default=OUT_DIR, help="output folder (default: %(default)s)")
    ap.add_argument("--check", action="store_true", help="compare with the files instead of writing them")
    args = ap.parse_args()
    differ = []
    for name, build in PARTNERS:
        text = render(build())
        path = args.out / name
        if args.check:
            if not path.exists() or path.read_bytes() != text.encode("utf-8"):
                differ.append(name)
        else:
            args.out.mkdir(parents=True, exist_ok=True)
            path.write_bytes(text.encode("utf-8"))
            print("wrote %s" % path)
    if differ:
        print("out of date: %s (run examples/generate_partners.py)" % ", ".join(differ), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
