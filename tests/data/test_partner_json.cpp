#include <doctest/doctest.h>

#include <chrono>
#include <cstdio>
#include <limits>
#include <random>
#include <string>

#include "data/json_document.hpp"
#include "data/json_loader.hpp"
#include "data/values.hpp"

using namespace pcs;
using namespace pcs::data;
using namespace std::literals;

namespace {

struct Loaded {
  std::optional<Partner> partner;
  Diagnostics diags;
};

Loaded load(std::string_view text) {
  Loaded r;
  r.partner = load_partner_json(text, "p.json", r.diags);
  return r;
}

/// Every diagnostic of a document that must fail, as "LINE:COL code: message\n".
std::string problems(std::string_view text) {
  Loaded r = load(text);
  CHECK_FALSE(r.partner.has_value());
  std::string out;
  for (const Diagnostic& d : r.diags.items())
    out += std::to_string(d.pos.line) + ":" + std::to_string(d.pos.column) + " " + d.code + ": " + d.message + "\n";
  return out;
}

// Minimal valid documents around one usage row (starting at column 59), one
// person (column 33) or one customer (column 36).
std::string usage(std::string_view row) {
  return R"({"partner":{"id":"c"},"customers":[{"tenant":"t","usage":[)" + std::string(row) + "]}]}";
}
std::string person(std::string_view p) { return R"({"partner":{"id":"c"},"people":[)" + std::string(p) + "]}"; }
std::string customers(std::string_view c) {
  return R"({"partner":{"id":"c"},"customers":[)" + std::string(c) + "]}";
}

std::string fixture(const char* name) { return std::string(PCS_SOURCE_DIR) + "/tests/data/fixtures/" + name; }

std::string sym(Symbol s) { return std::string(symbols().name(s)); }

}  // namespace

TEST_CASE("partner json: a valid partner loads with exact values") {
  SourceFiles sources;
  Diagnostics diags;
  auto p = load_partner_file(fixture("valid_partner.json"), sources, diags);
  REQUIRE_MESSAGE(p, render_all(diags, sources));
  CHECK(diags.items().empty());
  CHECK(p->id == "contoso");
  CHECK(p->name == "Contoso Ltd");
  CHECK(sym(p->market) == "larger");
  REQUIRE(p->attributes.size() == 3);  // "note": null is absent
  CHECK(std::get<std::string>(p->attributes.at("region")) == "EMEA");
  CHECK(std::get<Decimal>(p->attributes.at("tier")) == Decimal::ratio(5, 2));
  CHECK(std::get<bool>(p->attributes.at("managed")) == true);

  REQUIRE(p->people.size() == 2);
  CHECK(sym(p->people[0].id) == "p01");
  REQUIRE(p->people[0].certifications.size() == 2);
  const Certification& az204 = p->people[0].certifications[1];
  CHECK(sym(az204.code) == "AZ-204");
  CHECK(format_date(az204.earned) == "2023-09-30");
  REQUIRE(az204.expires.has_value());
  CHECK(format_date(*az204.expires) == "2025-09-30");
  CHECK_FALSE(p->people[0].certifications[0].expires.has_value());
  CHECK(p->people[1].certifications.empty());

  REQUIRE(p->customers.size() == 2);
  CHECK(sym(p->customers[0].tenant) == "t-001");
  CHECK(sym(p->customers[0].segment) == "enterprise");
  CHECK(p->customers[1].segment == no_symbol);
  REQUIRE(p->customers[0].associations.size() == 1);
  CHECK(sym(p->customers[0].associations[0].type) == "PAL");
  CHECK(format_date(p->customers[0].associations[0].since) == "2022-04-01");

  const UsageTable& u = p->usage;
  REQUIRE(u.size() == 6);
  CHECK(u.customer == std::vector<std::uint32_t>{0, 0, 1, 1, 1, 1});
  CHECK(u.value == std::vector<std::int64_t>{1'250'100'000, 420'000'000, 333'330'000, 333'330'000, 333'340'000,
                                             -12'000'001});
  CHECK(format_month(u.month[0]) == "2024-06");
  CHECK(sym(u.measure[0]) == "acr");
  CHECK(sym(u.measure[1]) == "mau");
  CHECK(sym(u.service[0]) == "Azure App Service");
  CHECK(sym(u.offer[0]) == "Pay-As-You-Go");
  CHECK(sym(u.association[0]) == "PAL");
  CHECK(sym(u.workload[1]) == "Teams");
  CHECK(sym(u.association[1]) == "CPOR");
  CHECK(u.service[1] == no_symbol);
  CHECK(sym(u.area[2]) == "security");
  CHECK(u.product[3] == no_symbol);
  CHECK(sym(u.service_group[4]) == "Compute");
  CHECK(sym(u.offer[5]) == "Support");
  Decimal sum;
  for (std::size_t i = 2; i < 5; ++i) sum += Decimal::from_micros(u.value[i]);
  CHECK(sum == Decimal::from_int(1000));
  CHECK(format_month(*p->latest_month()) == "2024-06");
  CHECK_FALSE(Partner{}.latest_month().has_value());
}

TEST_CASE("partner json: syntax errors") {
  CHECK(problems(R"({"partner":{"id":"x",}})") == "1:22 json-syntax: expected a string key after ','\n");
  CHECK(problems("") == "1:1 json-syntax: unexpected end of input, expected a value\n");
  CHECK(problems(" \n\t") == "2:2 json-syntax: unexpected end of input, expected a value\n");
  CHECK(problems(R"({"partner":{"id":"x"})") ==
        "1:22 json-syntax: unexpected end of input, expected ',' or '}' after an object member\n");
  CHECK(problems("{\"partner\":\n  {\"id\":\"x}}") == "2:9 json-syntax: unterminated string\n");
  CHECK(problems(R"({"partner":{"id":"x"},"partner":{"id":"y"}})") ==
        "1:23 json-syntax: duplicate key \"partner\" (first at line 1, column 2)\n");
  CHECK(problems(R"({"partner":{"id":"x"} "people":[]})") ==
        "1:23 json-syntax: expected ',' or '}' after an object member\n");
  CHECK(problems(usage(R"({"month":"2024-06","measure":"acr","value":01})")) ==
        "1:103 json-syntax: leading zeros are not allowed\n");
  CHECK(problems(usage(R"({"month":"2024-06","measure":"acr","value":.5})")) ==
        "1:102 json-syntax: expected a value\n");
  CHECK(problems(R"({"partner":{"id":"\ud800"}})") ==
        "1:19 json-syntax: unpaired UTF-16 surrogate in '\\u' escape\n");
  CHECK(problems("{\"partner\":{\"id\":\"\xff\"}}") == "1:19 json-syntax: invalid UTF-8 in string\n");
  CHECK(problems(std::string(100, '[')) == "1:65 json-syntax: nesting deeper than 64 levels\n");
  CHECK(problems("{}\x00"sv) == "1:3 json-syntax: unexpected text after the JSON value\n");
}

TEST_CASE("partner json: the document shape") {
  CHECK(problems("[1]") == "1:1 partner-data: expected an object at the top level, got array\n");
  CHECK(problems("42") == "1:1 partner-data: expected an object at the top level, got number\n");
  CHECK(problems(" {}") == "1:2 partner-data: partner: missing required field\n");
  CHECK(problems(R"({"partner":[]})") == "1:12 partner-data: partner: expected an object, got array\n");
  CHECK(problems(R"({"partner":{"id":""}})") == "1:18 partner-data: partner.id: expected a non-empty string, got \"\"\n");
  CHECK(problems(R"({"partner":{"id":"c","market":"huge"}})") ==
        "1:31 partner-data: partner.market: expected one of larger, other, got \"huge\"\n");
  CHECK(problems(R"({"partner":{"id":"c","attributes":{"a b":[1]}}})") ==
        "1:42 partner-data: partner.attributes[\"a b\"]: expected a string, number or boolean, got array\n");
  CHECK(problems(R"({"partner":{"id":"c"},"people":{}})") == "1:32 partner-data: people: expected an array, got object\n");
  CHECK(problems(R"({"partner":{"id":"c"},"customers":[[]]})") ==
        "1:36 partner-data: customers[0]: expected an object, got array\n");
}

TEST_CASE("partner json: people and certifications") {
  CHECK(problems(person(R"({"id":7})")) == "1:39 partner-data: people[0].id: expected a string, got number\n");
  CHECK(problems(person(R"({"id":null})")) == "1:39 partner-data: people[0].id: expected a string, got null\n");
  CHECK(problems(person(R"({"id":"p01"},{"id":"p02"},{"id":"p01"})")) ==
        "1:65 partner-data: people[2].id: duplicate person id \"p01\" (first at people[0])\n");
  CHECK(problems(person(R"({"id":"p","certifications":[{"code":"AZ-104","earned":"2023-02-30"}]})")) ==
        "1:87 partner-data: people[0].certifications[0].earned: expected YYYY-MM-DD, got \"2023-02-30\"\n");
  CHECK(problems(person(
            R"({"id":"p","certifications":[{"code":"AZ-104","earned":"2023-10-01","expires":"2023-09-30"}]})")) ==
        "1:110 partner-data: people[0].certifications[0].expires: expected a date not before earned (2023-10-01), "
        "got \"2023-09-30\"\n");
  CHECK(problems(person(R"({"id":"p","certifications":[{"earned":"2023-10-01"}]})")) ==
        "1:61 partner-data: people[0].certifications[0].code: missing required field\n");
}

TEST_CASE("partner json: customers and associations") {
  CHECK(problems(customers(R"({"segment":"smb"})")) == "1:36 partner-data: customers[0].tenant: missing required field\n");
  CHECK(problems(customers(R"({"tenant":"t-1"},{"tenant":"t-2"},{"tenant":"t-1"})")) ==
        "1:80 partner-data: customers[2].tenant: duplicate tenant \"t-1\" (first at customers[0])\n");
  CHECK(problems(customers(R"({"tenant":"t","segment":"large"})")) ==
        "1:60 partner-data: customers[0].segment: expected one of enterprise, smb, smc, got \"large\"\n");
  CHECK(problems(customers(R"({"tenant":"t","associations":[{"type":"MPN","since":"2022-04-01"}]})")) ==
        "1:74 partner-data: customers[0].associations[0].type: expected one of PAL, DPOR, CSP1, CSP2, CPOR, "
        "CPOR-RevRec, DAP, got \"MPN\"\n");
  CHECK(problems(customers(R"({"tenant":"t","associations":[{"type":"PAL","since":"2022-04"}]})")) ==
        "1:88 partner-data: customers[0].associations[0].since: expected YYYY-MM-DD, got \"2022-04\"\n");
}

TEST_CASE("partner json: usage rows") {
  CHECK(problems(usage(R"({"month":"2024-13","measure":"acr","value":1})")) ==
        "1:68 partner-data: customers[0].usage[0].month: expected YYYY-MM, got \"2024-13\"\n");
  CHECK(problems(usage(R"({"month":"2024-06","measure":"acr","value":1.0000001})")) ==
        "1:102 partner-data: customers[0].usage[0].value: expected at most 6 digits after the decimal point, got "
        "1.0000001\n");
  CHECK(problems(usage(R"({"month":"2024-06","measure":"acr","value":1e3})")) ==
        "1:102 partner-data: customers[0].usage[0].value: expected a plain decimal number, got 1e3\n");
  CHECK(problems(usage(R"({"month":"2024-06","measure":"acr","value":"12.5"})")) ==
        "1:102 partner-data: customers[0].usage[0].value: expected a number, got string\n");
  CHECK(problems(usage(R"({"month":"2024-06","measure":"revenue","value":1})")) ==
        "1:88 partner-data: customers[0].usage[0].measure: expected one of acr, paid_seats, pau, mau, "
        "protected_users, consumption_value, adjusted_revenue, got \"revenue\"\n");
  CHECK(problems(usage(R"({"month":"2024-06","measure":"acr","value":1,"association":"XYZ"})")) ==
        "1:118 partner-data: customers[0].usage[0].association: expected one of PAL, DPOR, CSP1, CSP2, CPOR, "
        "CPOR-RevRec, DAP, got \"XYZ\"\n");
  CHECK(problems(usage(R"({"month":"2024-06","measure":"acr","value":1,"service":5,"offer":""})")) ==
        "1:114 partner-data: customers[0].usage[0].service: expected a string, got number\n"
        "1:124 partner-data: customers[0].usage[0].offer: expected a non-empty string, got \"\"\n");
  CHECK(problems(usage("{}")) ==
        "1:59 partner-data: customers[0].usage[0].month: missing required field\n"
        "1:59 partner-data: customers[0].usage[0].measure: missing required field\n"
        "1:59 partner-data: customers[0].usage[0].value: missing required field\n");
}

TEST_CASE("partner json: numbers too large for exact millionths") {
  CHECK(problems(usage(R"({"month":"2024-06","measure":"acr","value":9223372036854.775808})")) ==
        "1:102 partner-data: customers[0].usage[0].value: number too large\n");
  CHECK(problems(usage(R"({"month":"2024-06","measure":"acr","value":123456789012345678901234567890123456789012345})")) ==
        "1:102 partner-data: customers[0].usage[0].value: number too large\n");
  auto edge = load(usage(R"({"month":"2024-06","measure":"acr","value":-9223372036854.775808})"));
  REQUIRE(edge.partner);
  CHECK(edge.partner->usage.value[0] == std::numeric_limits<std::int64_t>::min());
  auto zero = load(usage(R"({"month":"2024-06","measure":"acr","value":-0.000000})"));
  REQUIRE(zero.partner);
  CHECK(zero.partner->usage.value[0] == 0);
}

TEST_CASE("partner json: loading keeps going and caps the error count") {
  CHECK(problems(R"({"partner":{"id":1,"market":"x"},"people":[{"id":""}],"customers":[{"tenant":"t","usage":[
{"month":"2024-6","measure":"acr","value":1},
{"month":"2024-06","measure":"acr","value":1},
{"month":"2024-06","measure":"acr"}]}]})") ==
        "1:18 partner-data: partner.id: expected a string, got number\n"
        "1:29 partner-data: partner.market: expected one of larger, other, got \"x\"\n"
        "1:50 partner-data: people[0].id: expected a non-empty string, got \"\"\n"
        "2:10 partner-data: customers[0].usage[0].month: expected YYYY-MM, got \"2024-6\"\n"
        "4:1 partner-data: customers[0].usage[2].value: missing required field\n");
  std::string rows;
  for (int i = 0; i < 60; ++i) rows += std::string(i ? "," : "") + R"({"month":"bad","measure":"acr","value":1})";
  Loaded r = load(usage(rows));
  CHECK_FALSE(r.partner);
  REQUIRE(r.diags.items().size() == 51);
  CHECK(r.diags.error_count() == 50);
  CHECK(r.diags.items()[49].message == "customers[0].usage[49].month: expected YYYY-MM, got \"bad\"");
  CHECK(r.diags.items()[50].severity == Severity::note);
  CHECK(r.diags.items()[50].message == "too many errors; stopped after 50");
}

TEST_CASE("partner json: files with rendered diagnostics") {
  SourceFiles sources;
  Diagnostics diags;
  CHECK_FALSE(load_partner_file(fixture("bad_month.json"), sources, diags));
  CHECK(render_all(diags, sources) ==
        fixture("bad_month.json") +
            ":7:20: error[partner-data]: customers[0].usage[1].month: expected YYYY-MM, got \"2024-13\"\n"
            "  7 |         { \"month\": \"2024-13\", \"measure\": \"acr\", \"value\": 10 }\n"
            "    |                    ^\n");

  diags = {};
  CHECK_FALSE(load_partner_file(fixture("bad_syntax.json"), sources, diags));
  CHECK(render_all(diags, sources) == fixture("bad_syntax.json") +
                                          ":5:5: error[json-syntax]: expected ',' or ']' after an array element\n"
                                          "  5 |     { \"id\": \"p02\" }\n"
                                          "    |     ^\n");

  diags = {};
  CHECK_FALSE(load_partner_file(fixture("bad_people.json"), sources, diags));
  std::string got;
  for (const Diagnostic& d : diags.items())
    got += std::to_string(d.pos.line) + ":" + std::to_string(d.pos.column) + " " + d.message + "\n";
  CHECK(got ==
        "2:43 partner.market: expected one of larger, other, got \"huge\"\n"
        "4:70 people[0].certifications[0].earned: expected YYYY-MM-DD, got \"2023-02-30\"\n"
        "6:64 people[1].certifications[0].expires: expected a date not before earned (2023-09-30), got \"2023-09-29\"\n"
        "7:19 people[1].certifications[1].code: expected a non-empty string, got \"\"\n"
        "8:13 people[2].id: duplicate person id \"p01\" (first at people[0])\n");

  diags = {};
  CHECK_FALSE(load_partner_file(fixture("top_level_array.json"), sources, diags));
  CHECK(render_all(diags, sources) == fixture("top_level_array.json") +
                                          ":1:1: error[partner-data]: expected an object at the top level, got array\n"
                                          "  1 | [ { \"partner\": { \"id\": \"contoso\" } } ]\n"
                                          "    | ^\n");

  diags = {};
  CHECK_FALSE(load_partner_file(fixture("no_such_file.json"), sources, diags));
  CHECK(render_all(diags, sources) ==
        fixture("no_such_file.json") + ": error[io]: cannot read partner file: No such file or directory\n");
}

TEST_CASE("data values: exact millionths and quoting") {
  std::string error;
  CHECK(parse_micros("1250.10", error) == 1'250'100'000);
  CHECK(parse_micros("-0.000001", error) == -1);
  CHECK(parse_micros("0", error) == 0);
  CHECK(parse_micros("9223372036854.775807", error) == std::numeric_limits<std::int64_t>::max());
  CHECK(parse_micros("-9223372036854.775808", error) == std::numeric_limits<std::int64_t>::min());
  for (const char* bad : {"", "-", "1e3", "+1", ".5", "5.", "1,5", " 1", "1 ", "--1", "1.2.3"}) {
    INFO("text: '" << bad << "'");
    CHECK_FALSE(parse_micros(bad, error));
    CHECK(error == "expected a plain decimal number, got " + std::string(bad));
  }
  CHECK_FALSE(parse_micros("1.0000000", error));
  CHECK(error == "expected at most 6 digits after the decimal point, got 1.0000000");
  CHECK_FALSE(parse_micros("9223372036854.775808", error));
  CHECK(error == "number too large");
  CHECK_FALSE(parse_micros(std::string(400, '9'), error));
  CHECK(error == "number too large");
  CHECK(quoted("a\"b\\c\n") == "\"a\\\"b\\\\c\\u000a\"");
  CHECK(quoted(std::string(70, 'x')) == "\"" + std::string(60, 'x') + "...\"");
  CHECK(one_of(segments) == "expected one of enterprise, smb, smc");
}

TEST_CASE("json document: positions, number text, strings, member order") {
  Diagnostics diags;
  auto doc = json::parse("{\"b\": [1250.10, -0, 1E+3],\n \"a\": \"\\u00e9\\ud83d\\ude00\\\"\\\\\\/\\b\\f\\n\\r\\t\", "
                         "\"c\": {\"t\": true, \"f\": false, \"n\": null}}",
                         "d.json", diags);
  REQUIRE(doc);
  CHECK(diags.items().empty());
  const json::Value& root = doc->root();
  REQUIRE(root.items().size() == 3);
  CHECK(root.items()[0].key() == "b");
  CHECK(root.items()[1].key() == "a");
  const json::Value& b = *root.find("b");
  REQUIRE(b.items().size() == 3);
  CHECK(b.items()[0].text() == "1250.10");
  CHECK(b.items()[1].text() == "-0");
  CHECK(b.items()[2].text() == "1E+3");
  CHECK(doc->position(b.items()[2]).column == 21);
  CHECK(doc->position(root.items()[1]).line == 2);
  CHECK(doc->position(root.items()[1]).column == 7);
  const json::Value& a = *root.find("a");
  CHECK(a.text() == "\xc3\xa9\xf0\x9f\x98\x80\"\\/\b\f\n\r\t");
  const json::Value& c = *root.find("c");
  CHECK(c.find("t")->boolean());
  CHECK(c.find("f")->is(json::Kind::boolean));
  CHECK_FALSE(c.find("f")->boolean());
  CHECK(c.find("n")->is(json::Kind::null));
  CHECK_FALSE(c.find("n")->boolean());
  CHECK(c.find("n")->text().empty());
  CHECK(b.find("1250.10") == nullptr);  // arrays have no members
  CHECK(c.find("missing") == nullptr);
}

TEST_CASE("partner json: no input crashes the loader") {
  std::string valid;
  {
    std::FILE* f = std::fopen(fixture("valid_partner.json").c_str(), "rb");
    REQUIRE(f);
    char buf[4096];
    for (std::size_t n; (n = std::fread(buf, 1, sizeof buf, f)) > 0;) valid.append(buf, n);
    std::fclose(f);
  }
  for (std::size_t len = 0; len + 1 < valid.size(); ++len) {  // the file ends in "}\n"
    Loaded r = load(std::string_view(valid).substr(0, len));
    CHECK_FALSE(r.partner);
    CHECK(r.diags.has_errors());
  }
  std::mt19937 rng(12345);
  for (int i = 0; i < 2000; ++i) {
    std::string text = valid;
    for (int k = 0; k < 3; ++k) text[rng() % text.size()] = char(rng() % 256);
    Loaded r = load(text);
    CHECK((r.partner.has_value() != r.diags.has_errors()));
  }
  std::string garbage(4096, '\0');
  for (char& ch : garbage) ch = char(rng() % 256);
  CHECK(load(garbage).diags.has_errors());
}

TEST_CASE("partner json: a 60-customer, 25-month partner loads quickly") {
  std::string text = R"({"partner":{"id":"big"},"customers":[)";
  for (int c = 0; c < 60; ++c) {
    text += std::string(c ? "," : "") + R"({"tenant":"t-)" + std::to_string(c) + R"(","usage":[)";
    for (int m = 0; m < 25; ++m)
      for (int k = 0; k < 4; ++k)
        text += std::string(m || k ? "," : "") + R"({"month":")" + format_month(2022 * 12 + m) +
                R"(","measure":"acr","value":)" + std::to_string(1000 + c * 7 + m) + "." + std::to_string(10 + k) +
                R"(,"service":"Service )" + std::to_string(k) + R"(","offer":"Pay-As-You-Go","association":"PAL"})";
    text += "]}";
  }
  text += "]}";
  const auto start = std::chrono::steady_clock::now();
  Loaded r = load(text);
  const auto elapsed = std::chrono::steady_clock::now() - start;
  REQUIRE(r.partner);
  CHECK(r.partner->usage.size() == 6000);
  CHECK(r.partner->usage.value[1] == 1'000'110'000);
  CHECK(std::chrono::duration_cast<std::chrono::milliseconds>(elapsed).count() < 500);  // loose: sanitizer builds
}
