// The JSON form of the partner-data contract (shared/spec/partner-data.md).
//
// Every rule of the contract is checked; each violation is a "partner-data"
// diagnostic at the offending value, whose message starts with the JSON path
// (`customers[3].usage[17].month: expected YYYY-MM, got "2024-13"`). Loading
// continues after an error so one run reports them all (up to a cap).
//
// Unknown keys are allowed and ignored at every level: the contract is
// extended compatibly with new optional fields, so older loaders must accept
// newer files. A JSON null for an optional field means the field is absent.
#include "data/json_loader.hpp"

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <string_view>
#include <unordered_map>

#include "data/json_document.hpp"

namespace pcs::data {
namespace {

using json::Kind;
using json::Value;

constexpr std::size_t max_errors = 50;
constexpr int max_fraction_digits = 6;

constexpr std::array<std::string_view, 2> markets = {"larger", "other"};
constexpr std::array<std::string_view, 3> segments = {"enterprise", "smb", "smc"};
constexpr std::array<std::string_view, 7> association_types = {"PAL",  "DPOR",        "CSP1", "CSP2",
                                                               "CPOR", "CPOR-RevRec", "DAP"};
constexpr std::array<std::string_view, 7> measures = {"acr", "paid_seats", "pau", "mau", "protected_users",
                                                      "consumption_value", "adjusted_revenue"};

/// `text` as a JSON-style quoted string, shortened when long.
std::string quoted(std::string_view text) {
  constexpr std::size_t limit = 60;
  std::string out = "\"";
  std::size_t n = 0;
  for (char c : text) {
    if (n >= limit && (static_cast<unsigned char>(c) & 0xC0) != 0x80) {
      out += "...";
      break;
    }
    ++n;
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (static_cast<unsigned char>(c) < 0x20) {
      static constexpr char hex[] = "0123456789abcdef";
      out += "\\u00";
      out += hex[(c >> 4) & 0xF];
      out += hex[c & 0xF];
    } else {
      out += c;
    }
  }
  return out + "\"";
}

std::string shortened(std::string_view text) {
  return text.size() <= 40 ? std::string(text) : std::string(text.substr(0, 40)) + "...";
}

const char* with_article(Kind k) {
  switch (k) {
    case Kind::null: return "null";
    case Kind::boolean: return "a boolean";
    case Kind::number: return "a number";
    case Kind::string: return "a string";
    case Kind::array: return "an array";
    case Kind::object: return "an object";
  }
  return "a value";
}

template <std::size_t N>
std::string one_of(const std::array<std::string_view, N>& allowed) {
  std::string out = "expected one of ";
  for (std::size_t i = 0; i < N; ++i) (out += i ? ", " : "") += allowed[i];
  return out;
}

bool plain_key(std::string_view key) {
  if (key.empty()) return false;
  return std::all_of(key.begin(), key.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
  });
}

/// A JSON path, turned into text only when an error is reported.
struct Path {
  static constexpr std::size_t no_index = std::size_t(-1);
  const Path* parent = nullptr;
  std::string_view key;
  std::size_t index = no_index;

  Path member(std::string_view k) const { return Path{this, k, no_index}; }
  Path at(std::size_t i) const { return Path{this, {}, i}; }
  std::string str() const {
    if (parent == nullptr) return {};
    std::string s = parent->str();
    if (index != no_index) return s + "[" + std::to_string(index) + "]";
    if (!plain_key(key)) return s + "[" + quoted(key) + "]";
    return s.empty() ? std::string(key) : s + "." + std::string(key);
  }
};

struct StopLoading {};

class Loader {
 public:
  Loader(const json::Document& doc, const std::string& file, Diagnostics& out) : doc_(doc), file_(file), out_(out) {}
  std::size_t errors() const { return errors_; }
  Partner load(const Value& root);

 private:
  void error(const Value& at, const Path& path, std::string message);
  bool check_kind(const Value& v, Kind k, const Path& p);
  const Value* required(const Value& obj, const Path& objp, std::string_view key, Kind k);
  const Value* optional(const Value& obj, const Path& objp, std::string_view key, Kind k);
  std::optional<std::string_view> name(const Value& obj, const Path& objp, std::string_view key, bool req);
  template <std::size_t N>
  Symbol choice(const Value& obj, const Path& objp, std::string_view key, bool req,
                const std::array<std::string_view, N>& allowed);
  std::optional<DayNumber> date(const Value& obj, const Path& objp, std::string_view key, bool req);
  std::optional<std::int64_t> micros(const Value& v, const Path& p);

  void load_header(const Value& obj, const Path& p, Partner& out);
  void load_person(const Value& obj, const Path& p, Partner& out);
  void load_customer(const Value& obj, const Path& p, Partner& out);
  void load_usage(const Value& obj, const Path& p, std::uint32_t customer, UsageTable& out);

  const json::Document& doc_;
  const std::string& file_;
  Diagnostics& out_;
  std::size_t errors_ = 0;
  std::unordered_map<Symbol, std::size_t> person_ids_, tenants_;
};

void Loader::error(const Value& at, const Path& path, std::string message) {
  if (errors_ == max_errors) {
    out_.add({Severity::note, "partner-data", SourcePos{file_, 0, 0, 1},
              "too many errors; stopped after " + std::to_string(max_errors), {}});
    throw StopLoading{};
  }
  ++errors_;
  std::string text = path.str();
  text = text.empty() ? std::move(message) : text + ": " + message;
  const json::Position pos = doc_.position(at);
  out_.error("partner-data", SourcePos{file_, pos.line, pos.column, 1}, std::move(text));
}

bool Loader::check_kind(const Value& v, Kind k, const Path& p) {
  if (v.kind() == k) return true;
  error(v, p, std::string("expected ") + with_article(k) + ", got " + json::kind_name(v.kind()));
  return false;
}

const Value* Loader::required(const Value& obj, const Path& objp, std::string_view key, Kind k) {
  const Value* v = obj.find(key);
  if (v == nullptr) {
    error(obj, objp.member(key), "missing required field");
    return nullptr;
  }
  return check_kind(*v, k, objp.member(key)) ? v : nullptr;
}

const Value* Loader::optional(const Value& obj, const Path& objp, std::string_view key, Kind k) {
  const Value* v = obj.find(key);
  if (v == nullptr || v->is(Kind::null)) return nullptr;
  return check_kind(*v, k, objp.member(key)) ? v : nullptr;
}

// A non-empty string field.
std::optional<std::string_view> Loader::name(const Value& obj, const Path& objp, std::string_view key, bool req) {
  const Value* v = req ? required(obj, objp, key, Kind::string) : optional(obj, objp, key, Kind::string);
  if (v == nullptr) return std::nullopt;
  if (v->text().empty()) {
    error(*v, objp.member(key), "expected a non-empty string, got \"\"");
    return std::nullopt;
  }
  return v->text();
}

template <std::size_t N>
Symbol Loader::choice(const Value& obj, const Path& objp, std::string_view key, bool req,
                      const std::array<std::string_view, N>& allowed) {
  const Value* v = req ? required(obj, objp, key, Kind::string) : optional(obj, objp, key, Kind::string);
  if (v == nullptr) return no_symbol;
  if (std::find(allowed.begin(), allowed.end(), v->text()) == allowed.end()) {
    error(*v, objp.member(key), one_of(allowed) + ", got " + quoted(v->text()));
    return no_symbol;
  }
  return symbols().intern(v->text());
}

std::optional<DayNumber> Loader::date(const Value& obj, const Path& objp, std::string_view key, bool req) {
  const Value* v = req ? required(obj, objp, key, Kind::string) : optional(obj, objp, key, Kind::string);
  if (v == nullptr) return std::nullopt;
  auto day = parse_date(v->text());
  if (!day) error(*v, objp.member(key), "expected YYYY-MM-DD, got " + quoted(v->text()));
  return day;
}

// A JSON number (already valid JSON syntax) as exact millionths.
std::optional<std::int64_t> Loader::micros(const Value& v, const Path& p) {
  const std::string_view t = v.text();
  if (t.find_first_of("eE") != std::string_view::npos) {
    error(v, p, "expected a plain decimal number, got " + shortened(t));
    return std::nullopt;
  }
  const std::size_t point = t.find('.');
  const int fraction = point == std::string_view::npos ? 0 : int(t.size() - point - 1);
  if (fraction > max_fraction_digits) {
    error(v, p, "expected at most 6 digits after the decimal point, got " + shortened(t));
    return std::nullopt;
  }
  constexpr __int128 limit = __int128(1) << 63;  // |INT64_MIN|
  __int128 m = 0;
  for (char c : t) {
    if (c < '0' || c > '9') continue;
    m = m * 10 + (c - '0');
    if (m > limit) break;
  }
  for (int i = fraction; i < max_fraction_digits && m <= limit; ++i) m *= 10;
  const bool negative = t.front() == '-';
  if (m > limit || (m == limit && !negative)) {
    error(v, p, "number too large");
    return std::nullopt;
  }
  return std::int64_t(negative ? -m : m);
}

Partner Loader::load(const Value& root) {
  Partner partner;
  const Path top;
  if (!root.is(Kind::object)) {
    error(root, top, std::string("expected an object at the top level, got ") + json::kind_name(root.kind()));
    return partner;
  }
  if (const Value* v = required(root, top, "partner", Kind::object)) load_header(*v, top.member("partner"), partner);

  if (const Value* people = optional(root, top, "people", Kind::array)) {
    const Path pp = top.member("people");
    partner.people.reserve(people->items().size());
    for (std::size_t i = 0; i < people->items().size(); ++i)
      if (check_kind(people->items()[i], Kind::object, pp.at(i))) load_person(people->items()[i], pp.at(i), partner);
  }

  if (const Value* customers = optional(root, top, "customers", Kind::array)) {
    const Path cp = top.member("customers");
    std::size_t rows = 0;
    for (const Value& c : customers->items())
      if (const Value* u = c.find("usage")) rows += u->items().size();
    UsageTable& u = partner.usage;
    for (auto* col : {&u.measure, &u.service, &u.service_group, &u.workload, &u.product, &u.offer, &u.association,
                      &u.area})
      col->reserve(rows);
    u.customer.reserve(rows);
    u.month.reserve(rows);
    u.value.reserve(rows);
    partner.customers.reserve(customers->items().size());
    for (std::size_t i = 0; i < customers->items().size(); ++i)
      if (check_kind(customers->items()[i], Kind::object, cp.at(i)))
        load_customer(customers->items()[i], cp.at(i), partner);
  }
  return partner;
}

void Loader::load_header(const Value& obj, const Path& p, Partner& out) {
  if (auto id = name(obj, p, "id", true)) out.id = *id;
  if (const Value* v = optional(obj, p, "name", Kind::string)) out.name = std::string(v->text());
  out.market = choice(obj, p, "market", false, markets);
  const Value* attrs = optional(obj, p, "attributes", Kind::object);
  if (attrs == nullptr) return;
  const Path ap = p.member("attributes");
  for (const Value& m : attrs->items()) {
    const Path mp = ap.member(m.key());
    switch (m.kind()) {
      case Kind::null: break;  // absent
      case Kind::string: out.attributes.emplace(std::string(m.key()), std::string(m.text())); break;
      case Kind::boolean: out.attributes.emplace(std::string(m.key()), m.boolean()); break;
      case Kind::number:
        if (auto n = micros(m, mp)) out.attributes.emplace(std::string(m.key()), Decimal::from_micros(*n));
        break;
      default:
        error(m, mp, std::string("expected a string, number or boolean, got ") + json::kind_name(m.kind()));
    }
  }
}

void Loader::load_person(const Value& obj, const Path& p, Partner& out) {
  Person person;
  if (auto id = name(obj, p, "id", true)) {
    person.id = symbols().intern(*id);
    auto [it, fresh] = person_ids_.emplace(person.id, out.people.size());
    if (!fresh)
      error(*obj.find("id"), p.member("id"),
            "duplicate person id " + quoted(*id) + " (first at people[" + std::to_string(it->second) + "])");
  }
  if (const Value* certs = optional(obj, p, "certifications", Kind::array)) {
    const Path cp = p.member("certifications");
    person.certifications.reserve(certs->items().size());
    for (std::size_t i = 0; i < certs->items().size(); ++i) {
      const Value& c = certs->items()[i];
      const Path ip = cp.at(i);
      if (!check_kind(c, Kind::object, ip)) continue;
      auto code = name(c, ip, "code", true);
      auto earned = date(c, ip, "earned", true);
      auto expires = date(c, ip, "expires", false);
      if (earned && expires && *expires < *earned) {
        error(*c.find("expires"), ip.member("expires"),
              "expected a date not before earned (" + format_date(*earned) + "), got " + quoted(c.find("expires")->text()));
        continue;
      }
      if (code && earned) person.certifications.push_back({symbols().intern(*code), *earned, expires});
    }
  }
  out.people.push_back(std::move(person));
}

void Loader::load_customer(const Value& obj, const Path& p, Partner& out) {
  Customer customer;
  const auto index = std::uint32_t(out.customers.size());
  if (auto tenant = name(obj, p, "tenant", true)) {
    customer.tenant = symbols().intern(*tenant);
    auto [it, fresh] = tenants_.emplace(customer.tenant, index);
    if (!fresh)
      error(*obj.find("tenant"), p.member("tenant"),
            "duplicate tenant " + quoted(*tenant) + " (first at customers[" + std::to_string(it->second) + "])");
  }
  customer.segment = choice(obj, p, "segment", false, segments);
  if (const Value* assocs = optional(obj, p, "associations", Kind::array)) {
    const Path ap = p.member("associations");
    for (std::size_t i = 0; i < assocs->items().size(); ++i) {
      const Value& a = assocs->items()[i];
      const Path ip = ap.at(i);
      if (!check_kind(a, Kind::object, ip)) continue;
      const Symbol type = choice(a, ip, "type", true, association_types);
      const auto since = date(a, ip, "since", true);
      if (type != no_symbol && since) customer.associations.push_back({type, *since});
    }
  }
  out.customers.push_back(std::move(customer));
  if (const Value* usage = optional(obj, p, "usage", Kind::array)) {
    const Path up = p.member("usage");
    for (std::size_t i = 0; i < usage->items().size(); ++i)
      if (check_kind(usage->items()[i], Kind::object, up.at(i))) load_usage(usage->items()[i], up.at(i), index, out.usage);
  }
}

void Loader::load_usage(const Value& obj, const Path& p, std::uint32_t customer, UsageTable& out) {
  const std::size_t before = errors_;
  std::optional<MonthIndex> month;
  if (const Value* v = required(obj, p, "month", Kind::string)) {
    month = parse_month(v->text());
    if (!month) error(*v, p.member("month"), "expected YYYY-MM, got " + quoted(v->text()));
  }
  const Symbol measure = choice(obj, p, "measure", true, measures);
  std::optional<std::int64_t> value;
  if (const Value* v = required(obj, p, "value", Kind::number)) value = micros(*v, p.member("value"));
  auto dimension = [&](std::string_view key) {
    auto text = name(obj, p, key, false);
    return text ? symbols().intern(*text) : no_symbol;
  };
  const Symbol service = dimension("service"), service_group = dimension("service_group"),
               workload = dimension("workload"), product = dimension("product"), offer = dimension("offer");
  const Symbol association = choice(obj, p, "association", false, association_types);
  const Symbol area = dimension("area");
  if (errors_ != before) return;
  out.customer.push_back(customer);
  out.month.push_back(*month);
  out.measure.push_back(measure);
  out.value.push_back(*value);
  out.service.push_back(service);
  out.service_group.push_back(service_group);
  out.workload.push_back(workload);
  out.product.push_back(product);
  out.offer.push_back(offer);
  out.association.push_back(association);
  out.area.push_back(area);
}

}  // namespace

std::optional<Partner> load_partner_json(std::string_view text, const std::string& file_name, Diagnostics& out) {
  auto doc = json::parse(text, file_name, out);
  if (!doc) return std::nullopt;
  Loader loader(*doc, file_name, out);
  Partner partner;
  try {
    partner = loader.load(doc->root());
  } catch (const StopLoading&) {
  }
  if (loader.errors() != 0) return std::nullopt;
  return partner;
}

std::optional<Partner> load_partner_file(const std::string& path, SourceFiles& sources, Diagnostics& out) {
  auto fail = [&](int err) {
    out.error("io", SourcePos{path, 0, 0, 1}, std::string("cannot read partner file: ") + std::strerror(err));
    return std::nullopt;
  };
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (f == nullptr) return fail(errno);
  std::string text;
  char buffer[1 << 16];
  for (;;) {
    const std::size_t n = std::fread(buffer, 1, sizeof buffer, f);
    text.append(buffer, n);
    if (n < sizeof buffer) break;
  }
  const int err = std::ferror(f) ? (errno != 0 ? errno : EIO) : 0;
  std::fclose(f);
  if (err != 0) return fail(err);
  const std::string_view stored = sources.add(path, std::move(text));
  return load_partner_json(stored, path, out);
}

}  // namespace pcs::data
