#!/usr/bin/env python3
"""Convert the sample partners of examples/partners/*.json to the CSV tables of the contract.

shared/spec/partner-data.md, "Many partners: CSV tables": one folder with
partners.csv, certifications.csv, customers.csv, associations.csv and
usage.csv, holding every partner of examples/partners/ (files in name order):

    python3 examples/json_to_csv.py            # write examples/partners-csv/*.csv
    python3 examples/json_to_csv.py --check    # exit 1 if a checked-in file differs

Rules kept here:

- Standard library only, deterministic. Numbers are copied as their JSON
  source text (`1250.10` stays `1250.10`); nothing goes through binary
  floating point.
- Nothing is dropped silently: a key this script does not know, or a value the
  CSV form cannot hold (a person without certifications), stops it with an
  error instead.
- RFC 4180 with LF line endings (pcs reads CRLF and LF), no byte order mark.
  A JSON null or an absent optional field is an empty cell.
- Attribute columns follow name, market in order of first appearance.
  Attributes are strings in the CSV form: a number keeps its text, a boolean
  becomes `true` / `false`.
- usage.csv gets the extension columns service_level_4 and service_influencer
  (docs/data-contract.md) only when some usage row has them.

tests/data/test_partner_csv.cpp checks that pcs loads the result as the same
partners as the JSON files.
"""

import argparse
import csv
import io
import json
import pathlib
import sys

HERE = pathlib.Path(__file__).resolve().parent
IN_DIR = HERE / "partners"
OUT_DIR = HERE / "partners-csv"

USAGE_COLUMNS = ["partner_id", "tenant", "month", "measure", "value", "service", "service_group", "workload",
                 "product", "offer", "association", "area"]
USAGE_EXTENSIONS = ["service_level_4", "service_influencer"]

KNOWN_KEYS = {
    "": {"partner", "people", "customers"},
    "partner": {"id", "name", "market", "attributes"},
    "people[]": {"id", "certifications"},
    "certifications[]": {"code", "earned", "expires"},
    "customers[]": {"tenant", "segment", "associations", "usage"},
    "associations[]": {"type", "since"},
    "usage[]": set(USAGE_COLUMNS[2:]) | set(USAGE_EXTENSIONS),
}


class ConversionError(Exception):
    pass


def check_keys(obj, where, file_name):
    if not isinstance(obj, dict):
        raise ConversionError("%s: %s: expected an object" % (file_name, where or "top level"))
    unknown = sorted(set(obj) - KNOWN_KEYS[where])
    if unknown:
        raise ConversionError("%s: %s: unknown key(s) %s; teach json_to_csv.py about them" %
                              (file_name, where or "top level", ", ".join(unknown)))


def cell(value):
    """The CSV text of a JSON scalar read with numbers kept as their source text."""
    if value is None:
        return ""
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, str):
        return value
    raise ConversionError("expected a string, number or boolean, got %r" % (value,))


def load(path):
    text = path.read_text(encoding="utf-8")

    def no_constant(name):
        raise ConversionError("%s: %s is not a number of the contract" % (path.name, name))

    # Numbers stay strings: their exact source text.
    return json.loads(text, parse_float=str, parse_int=str, parse_constant=no_constant)


def convert(docs):
    """docs: [(file name, document)] -> {csv file name: text}."""
    partners, certifications, customers, associations, usage = [], [], [], [], []
    attribute_names = []
    extensions = []
    for file_name, doc in docs:
        check_keys(doc, "", file_name)
        header = doc["partner"]
        check_keys(header, "partner", file_name)
        pid = header["id"]
        attributes = header.get("attributes") or {}
        for key in attributes:
            if key in ("partner_id", "name", "market"):
                raise ConversionError("%s: attribute %r would collide with a column of partners.csv" % (file_name, key))
            if key not in attribute_names:
                attribute_names.append(key)
        partners.append((pid, cell(header.get("name")), cell(header.get("market")),
                         {k: cell(v) for k, v in attributes.items()}))
        for person in doc.get("people") or []:
            check_keys(person, "people[]", file_name)
            certs = person.get("certifications") or []
            if not certs:
                raise ConversionError("%s: person %r has no certifications; the CSV form cannot hold such a person"
                                      % (file_name, person["id"]))
            for cert in certs:
                check_keys(cert, "certifications[]", file_name)
                certifications.append([pid, person["id"], cert["code"], cert["earned"], cell(cert.get("expires"))])
        for customer in doc.get("customers") or []:
            check_keys(customer, "customers[]", file_name)
            tenant = customer["tenant"]
            customers.append([pid, tenant, cell(customer.get("segment"))])
            for assoc in customer.get("associations") or []:
                check_keys(assoc, "associations[]", file_name)
                associations.append([pid, tenant, assoc["type"], assoc["since"]])
            for row in customer.get("usage") or []:
                check_keys(row, "usage[]", file_name)
                for ext in USAGE_EXTENSIONS:
                    if row.get(ext) is not None and ext not in extensions:
                        extensions.append(ext)
                usage.append((pid, tenant, row))

    ext_columns = [e for e in USAGE_EXTENSIONS if e in extensions]
    partner_rows = [[pid, name, market] + [attrs.get(a, "") for a in attribute_names]
                    for pid, name, market, attrs in partners]
    usage_rows = [[pid, tenant] + [cell(row.get(c)) for c in USAGE_COLUMNS[2:] + ext_columns]
                  for pid, tenant, row in usage]
    return {
        "partners.csv": table(["partner_id", "name", "market"] + attribute_names, partner_rows),
        "certifications.csv": table(["partner_id", "person_id", "code", "earned", "expires"], certifications),
        "customers.csv": table(["partner_id", "tenant", "segment"], customers),
        "associations.csv": table(["partner_id", "tenant", "type", "since"], associations),
        "usage.csv": table(USAGE_COLUMNS + ext_columns, usage_rows),
    }


def table(header, rows):
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(header)
    writer.writerows(rows)
    return out.getvalue()


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--in", dest="inp", type=pathlib.Path, default=IN_DIR, help="JSON folder (default: %(default)s)")
    ap.add_argument("--out", type=pathlib.Path, default=OUT_DIR, help="output folder (default: %(default)s)")
    ap.add_argument("--check", action="store_true", help="compare with the files instead of writing them")
    args = ap.parse_args()
    paths = sorted(args.inp.glob("*.json"))
    if not paths:
        print("no JSON partners in %s" % args.inp, file=sys.stderr)
        return 1
    try:
        tables = convert([(p.name, load(p)) for p in paths])
    except (ConversionError, KeyError) as e:
        print("json_to_csv.py: %s" % e, file=sys.stderr)
        return 1
    differ = []
    for name, text in tables.items():
        path = args.out / name
        data = text.encode("utf-8")
        if args.check:
            if not path.exists() or path.read_bytes() != data:
                differ.append(name)
        else:
            args.out.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
            print("wrote %s" % path)
    if differ:
        print("out of date: %s (run examples/json_to_csv.py)" % ", ".join(differ), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
