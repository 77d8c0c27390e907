// The rules of each CSV table's rows, header problems, error caps, robustness, speed.
#include "tests/data/csv_support.hpp"

TEST_CASE("partner csv: partners.csv rows") {
  TempDir dir;
  dir.write("partners.csv",
            "partner_id,name,market,region,path\n"
            "a,A,huge,,\n"
            "b,B,,EMEA,smb\n"
            ",C,other,,\n"
            "a,A again,larger,,\n"
            "\"c\"x,C,other,,\n"
            "d,D,other\n");
  Loaded r = load_dir(dir.path());
  CHECK(describe(r.tables) ==
        "a failed\n"
        "  partners.csv:2:5 partner-data: market: expected one of larger, other, got \"huge\"\n"
        "  partners.csv:5:1 partner-data: partner_id: duplicate partner \"a\" (first at line 2)\n"
        "b ok\n"
        "d failed\n"
        "  partners.csv:7:10 csv-syntax: expected 5 fields as in the header, got 3\n"
        "stray partners.csv:4:1 partner-data: partner_id: missing required field\n"
        "stray partners.csv:6:4 csv-syntax: expected ',' or a line end after the closing quote\n");
  const Partner& b = *r.tables.partners[1].partner;
  CHECK(b.attributes.size() == 2);
  CHECK(std::get<std::string>(b.attributes.at("path")) == "smb");
}

TEST_CASE("partner csv: certifications, customers and associations rows") {
  CHECK(tables({{"partners.csv", "partner_id,name,market\nb,B,\n"},
                {"certifications.csv",
                 "partner_id,person_id,code,earned,expires\n"
                 "b,,AZ-104,2023-01-01,\n"
                 "b,p1,,2023-02-30,\n"
                 "b,p2,AZ-104,2023-10-01,2023-09-30\n"},
                {"customers.csv",
                 "partner_id,tenant,segment\n"
                 "b,t,large\n"
                 "b,,smb\n"},
                {"associations.csv",
                 "partner_id,tenant,type,since\n"
                 "b,t,MPN,2022-04\n"
                 "b,,PAL,2022-04-01\n"}}) ==
        "b failed\n"
        "  certifications.csv:2:3 partner-data: person_id: missing required field\n"
        "  certifications.csv:3:6 partner-data: code: missing required field\n"
        "  certifications.csv:3:7 partner-data: earned: expected YYYY-MM-DD, got \"2023-02-30\"\n"
        "  certifications.csv:4:24 partner-data: expires: expected a date not before earned (2023-10-01), got "
        "\"2023-09-30\"\n"
        "  customers.csv:2:5 partner-data: segment: expected one of enterprise, smb, smc, got \"large\"\n"
        "  customers.csv:3:3 partner-data: tenant: missing required field\n"
        "  associations.csv:2:5 partner-data: type: expected one of PAL, DPOR, CSP1, CSP2, CPOR, CPOR-RevRec, DAP, "
        "got \"MPN\"\n"
        "  associations.csv:2:9 partner-data: since: expected YYYY-MM-DD, got \"2022-04\"\n"
        "  associations.csv:3:3 partner-data: tenant: missing required field\n");
}

TEST_CASE("partner csv: usage rows") {
  const std::string partners = "partner_id,name,market\nb,B,\n";
  const std::string customers = "partner_id,tenant,segment\nb,t,\n";
  CHECK(tables({{"partners.csv", partners},
                {"customers.csv", customers},
                {"usage.csv", std::string(usage_header) +
                                  "b,t,2024-6,revenue,1e3,,,,,,XYZ,\n"
                                  "b,t,,,,,,,,,,\n"
                                  "b,t,2024-06,acr,\" 1\",,,,,,,\n"
                                  "b,t,2024-06,acr,9223372036854.775808,,,,,,,\n"
                                  "b,,2024-06,acr,1,,,,,,,\n"}}) ==
        "b failed\n"
        "  usage.csv:2:5 partner-data: month: expected YYYY-MM, got \"2024-6\"\n"
        "  usage.csv:2:12 partner-data: measure: expected one of acr, paid_seats, pau, mau, protected_users, "
        "consumption_value, adjusted_revenue, got \"revenue\"\n"
        "  usage.csv:2:20 partner-data: value: expected a plain decimal number, got 1e3\n"
        "  usage.csv:2:29 partner-data: association: expected one of PAL, DPOR, CSP1, CSP2, CPOR, CPOR-RevRec, DAP, "
        "got \"XYZ\"\n"
        "  usage.csv:3:5 partner-data: month: missing required field\n"
        "  usage.csv:3:6 partner-data: measure: missing required field\n"
        "  usage.csv:3:7 partner-data: value: missing required field\n"
        "  usage.csv:4:17 partner-data: value: expected a plain decimal number, got  1\n"
        "  usage.csv:5:17 partner-data: value: number too large\n"
        "  usage.csv:6:3 partner-data: tenant: missing required field\n");

  // Syntax problems: the partner is failed when its partner_id can be read, else the row is stray.
  CHECK(tables({{"partners.csv", partners},
                {"customers.csv", customers},
                {"usage.csv", std::string(usage_header) +
                                  "b,t,2024-06,acr,\"5\"x,,,,,,,\n"
                                  "b,t,2024-06,acr,5,Azure \"App\",,,,,,\n"
                                  "\"b\"x,t,2024-06,acr,5,,,,,,,\n"
                                  "b,t,2024-06,acr,5,,,,,,,,\n"
                                  "b\n"}}) ==
        "b failed\n"
        "  usage.csv:2:20 csv-syntax: expected ',' or a line end after the closing quote\n"
        "  usage.csv:3:25 csv-syntax: '\"' in an unquoted field (quote the field and double the '\"')\n"
        "  usage.csv:5:26 csv-syntax: expected 12 fields as in the header, got 13\n"
        "  usage.csv:6:2 csv-syntax: expected 12 fields as in the header, got 1\n"
        "stray usage.csv:4:4 csv-syntax: expected ',' or a line end after the closing quote\n");

  // Columns in any order; unknown columns ignored; the extensions read when present.
  TempDir dir;
  dir.write("partners.csv", partners).write("customers.csv", customers);
  dir.write("usage.csv",
            "note,service_influencer,value,measure,month,tenant,partner_id,area,association,offer,product,workload,"
            "service_group,service\n"
            "hello,NATIVE WVD,-0.5,acr,2024-01,t,b,,,,,,,\n");
  Loaded r = load_dir(dir.path());
  REQUIRE_MESSAGE(r.tables.partners[0].partner, describe(r.tables));
  const UsageTable& u = r.tables.partners[0].partner->usage;
  REQUIRE(u.size() == 1);
  CHECK(u.value[0] == -500'000);
  CHECK(sym(u.service_influencer[0]) == "NATIVE WVD");
  CHECK(u.service_level_4[0] == no_symbol);
}

TEST_CASE("partner csv: header problems") {
  const std::string partners = "partner_id,name,market\nb,B,\n";
  CHECK(tables({{"partners.csv", partners}, {"customers.csv", "partner_id,tenant,segment,tenant\nb,t,,t\n"}}) ==
        "b failed\n"
        "  customers.csv:1:27 partner-data: not loaded because of an error in customers.csv: duplicate column "
        "\"tenant\" (first at line 1, column 12)\n"
        "stray customers.csv:1:27 partner-data: duplicate column \"tenant\" (first at line 1, column 12)\n");
  CHECK(tables({{"partners.csv", partners}, {"customers.csv", "partner_id, tenant,segment\n"}}) ==
        "b failed\n"
        "  customers.csv:1:12 partner-data: not loaded because of an error in customers.csv: expected a column name "
        "without leading or trailing spaces, got \" tenant\"\n"
        "stray customers.csv:1:12 partner-data: expected a column name without leading or trailing spaces, got \" "
        "tenant\"\n"
        "stray customers.csv:1:1 partner-data: missing required column \"tenant\"\n");
  CHECK(tables({{"partners.csv", partners}, {"customers.csv", "partner_id,tenant,segment,\n"}}) ==
        "b failed\n"
        "  customers.csv:1:27 partner-data: not loaded because of an error in customers.csv: expected a column name, "
        "got \"\"\n"
        "stray customers.csv:1:27 partner-data: expected a column name, got \"\"\n");
  CHECK(tables({{"partners.csv", partners}, {"customers.csv", "partner_id,\"tenant\"x,segment\n"}}) ==
        "b failed\n"
        "  customers.csv:1:20 csv-syntax: not loaded because of an error in customers.csv: expected ',' or a line end "
        "after the closing quote\n"
        "stray customers.csv:1:20 csv-syntax: expected ',' or a line end after the closing quote\n");
  // partners.csv: a bad header means no partners, and the other files are not read.
  CHECK(tables({{"partners.csv", "id,name,market\nb,B,\n"}, {"customers.csv", "x\n"}}) ==
        "stray partners.csv:1:1 partner-data: missing required column \"partner_id\"\n");
  // A truncated partners.csv keeps the partners before the quote, failed; the lost ones' rows are stray.
  CHECK(tables({{"partners.csv", "partner_id,name,market\na,A,\nb,\"B,\nc,C,\n"},
                {"customers.csv", "partner_id,tenant,segment\na,t,\nc,t,\n"}}) ==
        "a failed\n"
        "  partners.csv:3:3 csv-syntax: not loaded because of an error in partners.csv: unterminated quoted field\n"
        "stray partners.csv:3:3 csv-syntax: unterminated quoted field\n"
        "stray customers.csv:3:1 partner-data: partner_id: unknown partner \"c\" (not in partners.csv)\n");
}

TEST_CASE("partner csv: error counts are capped, never silently") {
  std::string usage = usage_header;
  for (int i = 0; i < 60; ++i) usage += "b,t,bad,acr,1,,,,,,,\n";
  for (int i = 0; i < 55; ++i) usage += "x,t,2024-06,acr,1,,,,,,,\n";
  TempDir dir;
  dir.write("partners.csv", "partner_id,name,market\nb,B,\nc,C,\n")
      .write("customers.csv", "partner_id,tenant,segment\nb,t,\n")
      .write("usage.csv", usage);
  Loaded r = load_dir(dir.path());
  const PartnerLoad& b = r.tables.partners[0];
  CHECK_FALSE(b.partner);
  REQUIRE(b.errors.size() == 51);
  CHECK(b.errors[49].message == "month: expected YYYY-MM, got \"bad\"");
  CHECK(b.errors[49].pos.line == 51);
  CHECK(b.errors[50].severity == Severity::note);
  CHECK(b.errors[50].message == "too many errors; 10 more not shown");
  CHECK(r.tables.partners[1].partner);
  REQUIRE(r.tables.stray.size() == 51);
  CHECK(r.tables.stray[49].pos.line == 111);
  CHECK(r.tables.stray[50].severity == Severity::note);
  CHECK(r.tables.stray[50].message == "too many errors; 5 more not shown");
}

TEST_CASE("partner csv: no input crashes the loader") {
  std::map<std::string, std::string> valid;
  for (const char* name : {"partners.csv", "certifications.csv", "customers.csv", "associations.csv", "usage.csv"}) {
    std::ifstream in(fixture("csv-valid/") + name, std::ios::binary);
    valid[name] = std::string(std::istreambuf_iterator<char>(in), {});
  }
  std::mt19937 rng(2024);
  const std::string bytes = ",\"\n\r0-.x\xff ";
  TempDir dir;
  for (int i = 0; i < 300; ++i) {
    for (auto [name, text] : valid) {
      for (int k = 0; k < 2; ++k) {
        const std::size_t at = rng() % text.size();
        if (rng() % 2) text[at] = bytes[rng() % bytes.size()];
        else text.erase(at, rng() % 8);
      }
      dir.write(name, text);
    }
    Loaded r = load_dir(dir.path());
    for (const PartnerLoad& p : r.tables.partners) {
      CHECK(p.partner.has_value() == p.errors.empty());
      for (const Diagnostic& d : p.errors) CHECK((d.severity != Severity::error || !d.pos.file.empty()));
    }
  }
}

TEST_CASE("partner csv: 60 partners of 6000 usage rows load quickly") {
  std::string partners = "partner_id,name,market\n", customers = "partner_id,tenant,segment\n";
  std::string usage = usage_header;
  for (int p = 0; p < 60; ++p) {
    partners += "p" + std::to_string(p) + ",Partner " + std::to_string(p) + ",other\n";
    customers += "p" + std::to_string(p) + ",t-1,smb\n";
  }
  for (int m = 0; m < 25; ++m)
    for (int p = 0; p < 60; ++p)
      for (int k = 0; k < 4; ++k)
        usage += "p" + std::to_string(p) + ",t-1," + format_month(2022 * 12 + m) + ",acr," +
                 std::to_string(1000 + p * 7 + m) + "." + std::to_string(10 + k) + ",Service " + std::to_string(k) +
                 ",,,,Pay-As-You-Go,PAL,\n";
  TempDir dir;
  dir.write("partners.csv", partners).write("customers.csv", customers).write("usage.csv", usage);
  const auto start = std::chrono::steady_clock::now();
  Loaded r = load_dir(dir.path());
  const auto elapsed = std::chrono::steady_clock::now() - start;
  REQUIRE(r.tables.partners.size() == 60);
  REQUIRE(r.tables.partners[59].partner);
  CHECK(r.tables.partners[59].partner->usage.size() == 100);
  CHECK(r.tables.partners[0].partner->usage.value[1] == 1'000'110'000);
  CHECK(std::chrono::duration_cast<std::chrono::milliseconds>(elapsed).count() < 500);  // loose: sanitizer builds
}
