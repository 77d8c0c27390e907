// Costs of planned actions (planner/costs.hpp). A costs file overrides the
// defaults key by key; an unknown key is an error (a misspelt key silently
// keeping a default would make every plan wrong without a word).
#include "planner/costs.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>

#include "data/json_document.hpp"
#include "data/values.hpp"

namespace pcs::planner {
namespace {

using data::json::Kind;
using data::json::Value;

UsageCost per(std::int64_t amount, std::int64_t cost) { return {Decimal::from_int(amount), Decimal::from_int(cost)}; }

class CostsReader {
 public:
  CostsReader(const data::json::Document& doc, const std::string& file, Diagnostics& out)
      : doc_(doc), file_(file), out_(out) {}
  bool ok() const { return ok_; }

  void read(const Value& root, Costs& c) {
    if (!root.is(Kind::object)) return error(root, "", "expected an object at the top level");
    for (const Value& m : root.items()) {
      const std::string key(m.key());
      if (key == "unit") {
        if (!m.is(Kind::string) || m.text().empty()) error(m, key, "expected a non-empty string");
        else c.unit = std::string(m.text());
      } else if (key == "certification") number(m, key, false, c.certification);
      else if (key == "new_customer") number(m, key, false, c.new_customer);
      else if (key == "new_service") number(m, key, false, c.new_service);
      else if (key == "usage") usage(m, c);
      else error(m, key, "unknown key; expected unit, certification, new_customer, new_service or usage");
    }
  }

 private:
  void usage(const Value& v, Costs& c) {
    if (!v.is(Kind::object)) return error(v, "usage", "expected an object of measures");
    for (const Value& m : v.items()) {
      const std::string path = "usage." + std::string(m.key());
      if (std::find(data::measures.begin(), data::measures.end(), m.key()) == data::measures.end()) {
        error(m, path, data::one_of(data::measures));
        continue;
      }
      if (!m.is(Kind::object)) {
        error(m, path, "expected an object with per and cost");
        continue;
      }
      UsageCost u = c.usage[symbols().intern(m.key())];
      for (const Value& f : m.items()) {
        if (f.key() == "per") number(f, path + ".per", true, u.per);
        else if (f.key() == "cost") number(f, path + ".cost", false, u.cost);
        else error(f, path + "." + std::string(f.key()), "unknown key; expected per or cost");
      }
      c.usage[symbols().intern(m.key())] = u;
    }
  }
  void number(const Value& v, const std::string& path, bool positive, Decimal& out) {
    if (!v.is(Kind::number)) return error(v, path, positive ? "expected a number above 0" : "expected a number, 0 or more");
    std::string problem;
    auto micros = data::parse_micros(v.text(), problem);
    if (!micros) return error(v, path, problem);
    const Decimal d = Decimal::from_micros(*micros);
    if (d.is_negative() || (positive && d.is_zero()))
      return error(v, path, positive ? "expected a number above 0" : "expected a number, 0 or more");
    out = d;
  }
  void error(const Value& at, const std::string& path, const std::string& message) {
    const auto p = doc_.position(at);
    out_.error("costs", SourcePos{file_, p.line, p.column, 1}, path.empty() ? message : path + ": " + message);
    ok_ = false;
  }
  const data::json::Document& doc_;
  const std::string& file_;
  Diagnostics& out_;
  bool ok_ = true;
};

}  // namespace

Costs default_costs() {
  Costs c;
  c.certification = Decimal::from_int(40);
  c.new_customer = Decimal::from_int(160);
  c.new_service = Decimal::from_int(16);
  c.usage[symbols().intern("acr")] = per(1000, 8);
  c.usage[symbols().intern("adjusted_revenue")] = per(1000, 8);
  c.usage[symbols().intern("consumption_value")] = per(1000, 8);
  c.usage[symbols().intern("paid_seats")] = per(100, 8);
  c.usage[symbols().intern("protected_users")] = per(100, 4);
  c.usage[symbols().intern("pau")] = per(100, 4);
  c.usage[symbols().intern("mau")] = per(100, 4);
  return c;
}

Decimal Costs::usage_cost(Symbol measure, const Decimal& amount) const {
  auto it = usage.find(measure);
  if (it == usage.end() || it->second.per.is_zero()) return {};
  return amount * it->second.cost / it->second.per;
}

std::string Costs::format(const Decimal& cost) const { return cost.to_string_floor(1) + " " + unit; }

std::optional<Costs> load_costs_json(std::string_view text, const std::string& file_name, Diagnostics& out) {
  auto doc = data::json::parse(text, file_name, out);
  if (!doc) return std::nullopt;
  Costs costs = default_costs();
  CostsReader reader(*doc, file_name, out);
  reader.read(doc->root(), costs);
  if (!reader.ok()) return std::nullopt;
  return costs;
}

std::optional<Costs> load_costs_file(const std::string& path, SourceFiles& sources, Diagnostics& out) {
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (f == nullptr) {
    out.error("io", SourcePos{path, 0, 0, 1}, std::string("cannot read costs file: ") + std::strerror(errno));
    return std::nullopt;
  }
  std::string text;
  char buffer[1 << 14];
  for (;;) {
    const std::size_t n = std::fread(buffer, 1, sizeof buffer, f);
    text.append(buffer, n);
    if (n < sizeof buffer) break;
  }
  std::fclose(f);
  return load_costs_json(sources.add(path, std::move(text)), path, out);
}

}  // namespace pcs::planner
