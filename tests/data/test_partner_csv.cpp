// The CSV tables of the contract: fixture sets, the sample partners, and broken
// sets with exact messages and positions.
#include "tests/data/csv_support.hpp"

TEST_CASE("partner csv: a valid 3-partner set loads with exact values") {
  Loaded r = load_dir(fixture("csv-valid"));
  CHECK(describe(r.tables) == "contoso ok\nnorthwind ok\nlitware ok\n");
  REQUIRE(r.tables.partners.size() == 3);

  const Partner& c = *r.tables.partners[0].partner;
  CHECK(c.id == "contoso");
  CHECK(c.name == "Contoso, \"The Cloud\" Ltd");
  CHECK(sym(c.market) == "larger");
  REQUIRE(c.attributes.size() == 2);
  CHECK(std::get<std::string>(c.attributes.at("region")) == "EMEA");
  CHECK(std::get<std::string>(c.attributes.at("tier")) == "2.50");  // attributes are strings in CSV
  REQUIRE(c.people.size() == 2);
  CHECK(sym(c.people[0].id) == "p01");
  REQUIRE(c.people[0].certifications.size() == 2);  // rows 2 and 5 of certifications.csv
  CHECK(sym(c.people[0].certifications[0].code) == "AZ-104");
  CHECK_FALSE(c.people[0].certifications[0].expires.has_value());
  CHECK(sym(c.people[0].certifications[1].code) == "AZ-204");
  CHECK(format_date(c.people[0].certifications[1].earned) == "2023-09-30");
  CHECK(format_date(*c.people[0].certifications[1].expires) == "2025-09-30");
  CHECK(sym(c.people[1].id) == "p02");
  REQUIRE(c.customers.size() == 2);
  CHECK(sym(c.customers[0].tenant) == "t-001");
  CHECK(sym(c.customers[0].segment) == "enterprise");
  CHECK(c.customers[1].segment == no_symbol);
  REQUIRE(c.customers[0].associations.size() == 2);
  CHECK(sym(c.customers[0].associations[1].type) == "DPOR");
  CHECK(format_date(c.customers[0].associations[1].since) == "2023-07-01");

  const UsageTable& u = c.usage;
  REQUIRE(u.size() == 5);
  CHECK(u.customer == std::vector<std::uint32_t>{0, 1, 1, 1, 1});
  CHECK(u.value == std::vector<std::int64_t>{1'250'100'000, 333'330'000, 333'330'000, 333'340'000, 1});
  CHECK(format_month(u.month[0]) == "2024-06");
  CHECK(format_month(u.month[4]) == "2023-06");
  CHECK(sym(u.measure[0]) == "acr");
  CHECK(sym(u.service[0]) == "Azure App Service");
  CHECK(sym(u.offer[0]) == "Pay-As-You-Go");
  CHECK(sym(u.association[0]) == "PAL");
  CHECK(u.service_group[0] == no_symbol);
  CHECK(sym(u.service_group[1]) == "Compute");
  CHECK(sym(u.area[1]) == "security");
  CHECK(sym(u.service_level_4[1]) == "Azure Arc");
  CHECK(u.service_level_4[2] == no_symbol);
  CHECK(u.service_influencer[1] == no_symbol);  // the column is absent: optional extension
  Decimal sum;
  for (std::size_t i = 1; i < 4; ++i) sum += Decimal::from_micros(u.value[i]);
  CHECK(sum == Decimal::from_int(1000));

  const Partner& n = *r.tables.partners[1].partner;
  CHECK(n.name == "Northwind\nTraders");  // a line break inside quotes
  CHECK(sym(n.market) == "other");
  CHECK(n.attributes.size() == 1);  // an empty cell is no attribute
  REQUIRE(n.people.size() == 1);
  CHECK(n.people[0].id == c.people[0].id);  // person ids are per partner
  CHECK(n.customers[0].tenant == c.customers[0].tenant);
  CHECK(n.usage.value == std::vector<std::int64_t>{420'000'000, -12'000'001});
  CHECK(sym(n.usage.workload[0]) == "Teams");
  CHECK(sym(n.usage.association[1]) == "CPOR-RevRec");
  CHECK(sym(n.customers[1].associations[0].type) == "CPOR-RevRec");

  const Partner& l = *r.tables.partners[2].partner;
  CHECK(l.market == no_symbol);
  CHECK(std::get<std::string>(l.attributes.at("region")) == "Z\xC3\xBCrich");
  CHECK(l.usage.value == std::vector<std::int64_t>{1'000'000'001});
  CHECK(sym(l.usage.product[0]) == "Dynamics 365, Sales");
  CHECK(format_month(*l.latest_month()) == "2024-06");
}

TEST_CASE("partner csv: the valid set equals its JSON form") {
  Loaded r = load_dir(fixture("csv-valid"));
  REQUIRE(r.tables.partners.size() == 3);
  for (const PartnerLoad& p : r.tables.partners) {
    INFO("partner " << p.id);
    REQUIRE(p.partner);
    SourceFiles sources;
    Diagnostics diags;
    auto json = load_partner_file(fixture("csv-valid/") + p.id + ".json", sources, diags);
    REQUIRE_MESSAGE(json, render_all(diags, sources));
    CHECK(difference(*p.partner, *json) == "");
  }
}

TEST_CASE("partner csv: the sample partners load as from their JSON files") {
  const std::string root = std::string(PCS_SOURCE_DIR) + "/examples/";
  Loaded r = load_dir(root + "partners-csv");
  CHECK(r.tables.stray.empty());
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(root + "partners"))
    if (entry.path().extension() == ".json") files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  REQUIRE(files.size() == r.tables.partners.size());
  REQUIRE(files.size() >= 6);
  for (std::size_t i = 0; i < files.size(); ++i) {
    INFO("file " << files[i].string());
    SourceFiles sources;
    Diagnostics diags;
    auto json = load_partner_file(files[i].string(), sources, diags);
    REQUIRE(json);
    const PartnerLoad& p = r.tables.partners[i];
    CHECK(p.id == json->id);
    REQUIRE_MESSAGE(p.partner, describe(r.tables));
    CHECK(difference(*p.partner, *json) == "");
  }
  const PartnerLoad* large = partner(r.tables, "adventure-works");
  REQUIRE(large);
  REQUIRE(large->partner);
  CHECK(large->partner->usage.size() == 5714);
}

// ---------------------------------------------------------------------------
// The loader: broken tables
// ---------------------------------------------------------------------------

TEST_CASE("partner csv: a bad month fails its partner only") {
  Loaded r = load_dir(fixture("csv-bad-month"));
  CHECK(describe(r.tables) ==
        "alpha ok\n"
        "beta failed\n"
        "  usage.csv:4:10 partner-data: month: expected YYYY-MM, got \"2024-13\"\n"
        "gamma ok\n");
  CHECK(r.tables.partners[0].partner->usage.value == std::vector<std::int64_t>{1'250'100'000, 999'995'000});
  CHECK(r.tables.partners[2].partner->usage.size() == 1);
  CHECK(r.tables.partners[2].partner->customers.size() == 2);
  REQUIRE(r.tables.partners[1].errors.size() == 1);
  CHECK(render(r.tables.partners[1].errors[0], r.sources) ==
        fixture("csv-bad-month") +
            "/usage.csv:4:10: error[partner-data]: month: expected YYYY-MM, got \"2024-13\"\n"
            "  4 | beta,t-1,2024-13,acr,200.00,Storage,,,,,DPOR,\n"
            "    |          ^\n");
}

TEST_CASE("partner csv: more than 6 fraction digits") {
  CHECK(describe(load_dir(fixture("csv-fraction-digits")).tables) ==
        "alpha failed\n"
        "  usage.csv:2:23 partner-data: value: expected at most 6 digits after the decimal point, got 1.0000001\n"
        "beta ok\n"
        "gamma ok\n");
}

TEST_CASE("partner csv: rows of an unknown partner or tenant are reported and skipped") {
  Loaded r = load_dir(fixture("csv-unknown-partner"));
  CHECK(describe(r.tables) ==
        "alpha ok\nbeta ok\ngamma ok\n"
        "stray usage.csv:7:1 partner-data: partner_id: unknown partner \"acme\" (not in partners.csv)\n");

  r = load_dir(fixture("csv-unknown-tenant"));
  CHECK(describe(r.tables) ==
        "alpha ok\nbeta ok\ngamma ok\n"
        "stray associations.csv:5:7 partner-data: tenant: unknown tenant \"t-3\" of partner \"gamma\" (not in "
        "customers.csv)\n"
        "stray usage.csv:7:6 partner-data: tenant: unknown tenant \"t-9\" of partner \"beta\" (not in "
        "customers.csv)\n");
  CHECK(r.tables.partners[1].partner->usage.size() == 2);
  CHECK(r.tables.partners[2].partner->customers[1].associations.size() == 1);
}

TEST_CASE("partner csv: a header without a contract column fails every partner") {
  CHECK(describe(load_dir(fixture("csv-missing-column")).tables) ==
        "alpha failed\n"
        "  associations.csv:1:1 partner-data: not loaded because of an error in associations.csv: missing required "
        "column \"since\"\n"
        "beta failed\n"
        "  associations.csv:1:1 partner-data: not loaded because of an error in associations.csv: missing required "
        "column \"since\"\n"
        "gamma failed\n"
        "  associations.csv:1:1 partner-data: not loaded because of an error in associations.csv: missing required "
        "column \"since\"\n"
        "stray associations.csv:1:1 partner-data: missing required column \"since\"\n");
}

TEST_CASE("partner csv: an unterminated quote loses the rest of the file, so every partner fails") {
  CHECK(describe(load_dir(fixture("csv-unterminated-quote")).tables) ==
        "alpha failed\n"
        "  usage.csv:3:29 csv-syntax: not loaded because of an error in usage.csv: unterminated quoted field\n"
        "beta failed\n"
        "  usage.csv:3:29 csv-syntax: not loaded because of an error in usage.csv: unterminated quoted field\n"
        "gamma failed\n"
        "  usage.csv:3:29 csv-syntax: not loaded because of an error in usage.csv: unterminated quoted field\n"
        "stray usage.csv:3:29 csv-syntax: unterminated quoted field\n");
}

TEST_CASE("partner csv: a row with the wrong number of fields fails its partner") {
  // The tenants of the short and the long row are still declared: no unknown-tenant errors follow.
  CHECK(describe(load_dir(fixture("csv-column-count")).tables) ==
        "alpha ok\n"
        "beta failed\n"
        "  customers.csv:3:9 csv-syntax: expected 3 fields as in the header, got 2\n"
        "gamma failed\n"
        "  customers.csv:5:15 csv-syntax: expected 3 fields as in the header, got 4\n");
}

TEST_CASE("partner csv: a duplicate tenant") {
  CHECK(describe(load_dir(fixture("csv-duplicate-tenant")).tables) ==
        "alpha failed\n"
        "  customers.csv:6:7 partner-data: tenant: duplicate tenant \"t-1\" (first at line 2)\n"
        "beta ok\n"
        "gamma ok\n");
}

TEST_CASE("partner csv: partners.csv is required") {
  Loaded r = load_dir(fixture("csv-no-partners"));
  CHECK(describe(r.tables) ==
        "stray partners.csv io: cannot read partner table: No such file or directory\n");
  REQUIRE(r.tables.stray.size() == 1);
  CHECK(render(r.tables.stray[0], r.sources) ==
        fixture("csv-no-partners") +
            "/partners.csv: error[io]: cannot read partner table: No such file or directory\n");
  CHECK(describe(load_dir(fixture("no-such-folder")).tables) ==
        "stray partners.csv io: cannot read partner table: No such file or directory\n");
  TempDir dir;
  fs::create_directory(dir.path() + "/partners.csv");
  CHECK(describe(load_partner_tables(dir.path(), r.sources)) ==
        "stray partners.csv io: cannot read partner table: Is a directory\n");
}

TEST_CASE("partner csv: an empty file has no header row") {
  CHECK(describe(load_dir(fixture("csv-empty-file")).tables) ==
        "alpha failed\n"
        "  usage.csv:1:1 csv-syntax: not loaded because of an error in usage.csv: empty file: expected a header row\n"
        "beta failed\n"
        "  usage.csv:1:1 csv-syntax: not loaded because of an error in usage.csv: empty file: expected a header row\n"
        "gamma failed\n"
        "  usage.csv:1:1 csv-syntax: not loaded because of an error in usage.csv: empty file: expected a header row\n"
        "stray usage.csv:1:1 csv-syntax: empty file: expected a header row\n");
  // An empty partners.csv: no partners, and the other files are not read.
  CHECK(tables({{"partners.csv", "\xEF\xBB\xBF\n\n"}, {"usage.csv", "x\n"}}) ==
        "stray partners.csv:1:1 csv-syntax: empty file: expected a header row\n");
  // A header alone is a valid table without rows.
  CHECK(tables({{"partners.csv", "partner_id,name,market\r\nc,,\r\n"}, {"usage.csv", usage_header}}) == "c ok\n");
}

// ---------------------------------------------------------------------------
// The loader: the rules of each table, as in the JSON loader
// ---------------------------------------------------------------------------
