// A deterministic generator of partner populations in the contract's shape,
// for the population benchmark (bench/population.sh, via pcs_population_gen)
// and the batch tests (tests/engine/). The same seed gives the same bytes.
//
// Each partner has 5-59 customer tenants with one or two associations, 2-14
// certified people, and for every customer one Azure consumption row per
// month over 24 months (2022-07..2024-06): about 700 usage rows and 65 KB
// of usage.csv per partner on average, so 10,000 partners make about 7 M
// usage rows and 650 MB, as a warehouse export of that size.
#pragma once

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <numeric>
#include <string>
#include <vector>

namespace pcs::bench {

struct GeneratorOptions {
  std::size_t partners = 1000;
  std::uint64_t seed = 1;
  std::string csv_dir;       // the CSV tables, rows of a partner adjacent ("" = not written)
  std::string shuffled_dir;  // the same rows, shuffled within each table ("" = not written)
  std::string json_dir;      // one JSON file per partner ("" = not written)
  std::size_t max_customers = 59;  // tests keep partners small
};

class PopulationGenerator {
 public:
  explicit PopulationGenerator(GeneratorOptions o) : o_(std::move(o)), state_(o_.seed * 0x9E3779B97F4A7C15ull + 1) {}

  /// Writes the folders; returns false when a file cannot be written.
  bool run() {
    for (std::size_t i = 0; i < 5; ++i) tables_[i] = header(i);
    // Partners in a mixed order (not sorted by id): the engine must not rely on it.
    std::vector<std::size_t> order(o_.partners);
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = (i * 7919) % std::max<std::size_t>(o_.partners, 1);
    if (std::gcd(std::size_t(7919), o_.partners) != 1)
      for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    for (std::size_t i : order) partner(i);
    bool ok = true;
    if (!o_.csv_dir.empty()) ok = write_tables(o_.csv_dir, false) && ok;
    if (!o_.shuffled_dir.empty()) ok = write_tables(o_.shuffled_dir, true) && ok;
    return ok;
  }

 private:
  std::uint64_t next() {  // splitmix64: fast, and the same on every platform
    std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }
  std::size_t pick(std::size_t n) { return std::size_t(next() % n); }

  static std::string header(std::size_t table) {
    static const char* headers[] = {
        "partner_id,name,market,region\n", "partner_id,person_id,code,earned,expires\n", "partner_id,tenant,segment\n",
        "partner_id,tenant,type,since\n",
        "partner_id,tenant,month,measure,value,service,service_group,workload,product,offer,association,area\n"};
    return headers[table];
  }

  static std::string month_text(int m) {  // m = months since 2022-07
    const int y = 2022 + (6 + m) / 12, mm = (6 + m) % 12 + 1;
    char b[16];
    std::snprintf(b, sizeof b, "%04d-%02d", y, mm);
    return b;
  }

  void partner(std::size_t i) {
    static const char* regions[] = {"EMEA", "North America", "APAC", "LATAM"};
    static const char* codes[] = {"AZ-104", "AZ-305", "AZ-204", "AZ-400", "AZ-700", "AZ-500", "AZ-140",
                                  "AZ-120", "DP-203", "DP-300", "AI-102", "DP-100", "AZ-800", "AZ-801"};
    static const char* services[] = {"Azure App Service", "Virtual Machines", "Azure SQL Database", "Azure Kubernetes Service",
                                     "Storage", "Azure Cosmos DB", "Azure Functions", "Azure Synapse Analytics",
                                     "Virtual Machines Licenses", "Azure Machine Learning"};
    static const char* offers[] = {"Pay-As-You-Go", "Pay-As-You-Go", "Pay-As-You-Go", "Enterprise", "Support", "Trial"};
    static const char* associations[] = {"PAL", "PAL", "DPOR", "CSP1", "CPOR"};
    static const char* segments[] = {"enterprise", "enterprise", "smb", "smc"};
    char id[32];
    std::snprintf(id, sizeof id, "p%06zu", i);
    const std::string pid = id;
    const std::string region = regions[pick(4)];
    const bool larger = pick(3) != 0;
    tables_[0] += pid + ",Partner " + std::to_string(i) + " Ltd," + (larger ? "larger" : "other") + "," + region + "\n";
    std::string json = "{\n  \"partner\": { \"id\": \"" + pid + "\", \"name\": \"Partner " + std::to_string(i) +
                       " Ltd\", \"market\": \"" + (larger ? "larger" : "other") +
                       "\", \"attributes\": { \"region\": \"" + region + "\" } },\n  \"people\": [";
    const std::size_t people = 2 + pick(13);
    for (std::size_t p = 0; p < people; ++p) {
      char person[16];
      std::snprintf(person, sizeof person, "e%03zu", p);
      const std::size_t certs = 1 + pick(3);
      json += std::string(p ? "," : "") + "\n    { \"id\": \"" + person + "\", \"certifications\": [";
      for (std::size_t c = 0; c < certs; ++c) {
        const char* code = codes[pick(14)];
        char earned[16], expires[16];
        std::snprintf(earned, sizeof earned, "%04zu-%02zu-%02zu", 2021 + pick(3), 1 + pick(12), 1 + pick(28));
        const bool expiring = pick(4) == 0;
        std::snprintf(expires, sizeof expires, "%04zu-%02zu-%02zu", 2025 + pick(2), 1 + pick(12), 1 + pick(28));
        tables_[1] += pid + "," + person + "," + code + "," + earned + "," + (expiring ? expires : "") + "\n";
        json += std::string(c ? ", " : "") + "{ \"code\": \"" + code + "\", \"earned\": \"" + earned + "\"" +
                (expiring ? std::string(", \"expires\": \"") + expires + "\"" : "") + " }";
      }
      json += "] }";
    }
    json += "\n  ],\n  \"customers\": [";
    const std::size_t customers = 5 + pick(std::max<std::size_t>(o_.max_customers - 4, 1));
    for (std::size_t c = 0; c < customers; ++c) {
      char tenant[32];
      std::snprintf(tenant, sizeof tenant, "t-%06zu-%03zu", i, c);
      const char* segment = segments[pick(4)];
      tables_[2] += pid + "," + tenant + "," + segment + "\n";
      json += std::string(c ? "," : "") + "\n    { \"tenant\": \"" + tenant + "\", \"segment\": \"" + segment +
              "\",\n      \"associations\": [";
      const std::size_t links = 1 + pick(2);
      const char* main_type = associations[pick(5)];
      for (std::size_t a = 0; a < links; ++a) {
        const char* type = a == 0 ? main_type : associations[pick(5)];
        char since[16];
        std::snprintf(since, sizeof since, "%04zu-%02zu-01", 2021 + pick(3), 1 + pick(12));
        tables_[3] += pid + "," + tenant + "," + type + "," + since + "\n";
        json += std::string(a ? ", " : "") + "{ \"type\": \"" + type + "\", \"since\": \"" + since + "\" }";
      }
      json += "],\n      \"usage\": [";
      const char* service = services[pick(10)];
      const char* offer = offers[pick(6)];
      const int first = int(pick(6));  // customers start at different months: adds and growth vary
      std::uint64_t base = 200 + pick(4000);
      for (int m = first; m < 24; ++m) {
        base = base * (95 + pick(12)) / 100 + 1;
        const std::uint64_t cents = base * 100 + pick(100);
        char value[32];
        std::snprintf(value, sizeof value, "%llu.%02llu", static_cast<unsigned long long>(cents / 100),
                      static_cast<unsigned long long>(cents % 100));
        const std::string month = month_text(m);
        tables_[4] += pid + "," + tenant + "," + month + ",acr," + value + "," + service + ",Compute,,," + offer + "," +
                      main_type + ",\n";
        json += std::string(m != first ? "," : "") + "\n        { \"month\": \"" + month +
                "\", \"measure\": \"acr\", \"value\": " + value + ", \"service\": \"" + service +
                "\", \"service_group\": \"Compute\", \"offer\": \"" + offer + "\", \"association\": \"" + main_type +
                "\" }";
      }
      json += " ] }";
    }
    json += "\n  ]\n}\n";
    if (!o_.json_dir.empty()) {
      std::filesystem::create_directories(o_.json_dir);
      write_file(o_.json_dir + "/" + pid + ".json", json);
    }
  }

  bool write_file(const std::string& path, const std::string& text) {
    std::FILE* f = std::fopen(path.c_str(), "wb");
    if (f == nullptr) return false;
    const bool ok = std::fwrite(text.data(), 1, text.size(), f) == text.size();
    return std::fclose(f) == 0 && ok;
  }

  bool write_tables(const std::string& dir, bool shuffle) {
    static const char* names[] = {"partners.csv", "certifications.csv", "customers.csv", "associations.csv", "usage.csv"};
    std::filesystem::create_directories(dir);
    for (std::size_t t = 0; t < 5; ++t) {
      const std::string& text = tables_[t];
      if (!shuffle) {
        if (!write_file(dir + "/" + names[t], text)) return false;
        continue;
      }
      // Every data row moved to a random place (Fisher-Yates over line starts).
      std::vector<std::size_t> starts;
      const std::size_t first = text.find('\n') + 1;
      for (std::size_t at = first; at < text.size(); at = text.find('\n', at) + 1) starts.push_back(at);
      for (std::size_t k = starts.size(); k > 1; --k) std::swap(starts[k - 1], starts[pick(k)]);
      std::string out = text.substr(0, first);
      out.reserve(text.size());
      for (std::size_t s : starts) out.append(text, s, text.find('\n', s) + 1 - s);
      if (!write_file(dir + "/" + names[t], out)) return false;
    }
    return true;
  }

  GeneratorOptions o_;
  std::uint64_t state_;
  std::string tables_[5];
};

}  // namespace pcs::bench
