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
#include <span>
#include <string_view>
#include <unordered_map>

#include "data/edits.hpp"
#include "data/json_document.hpp"
#include "data/symbol_cache.hpp"
#include "data/values.hpp"

namespace pcs::data {
namespace {

using json::Kind;
using json::Value;

constexpr std::size_t max_errors = 50;

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

/// A member looked up in an object: where "missing" is reported, and its value if present.
struct Field {
  const Value& obj;
  const Path& objp;
  std::string_view key;
  const Value* value;  // nullptr when absent
  Path path() const { return objp.member(key); }
};

Field field(const Value& obj, const Path& objp, std::string_view key) { return {obj, objp, key, obj.find(key)}; }


class Loader {
  friend class EditsLoader;  // the what-if edits reuse the checks and messages of each part

 public:
  Loader(const json::Document& doc, const std::string& file, Diagnostics& out) : doc_(doc), file_(file), out_(out) {}
  std::size_t errors() const { return errors_; }
  Partner load(const Value& root);

 private:
  void error(const Value& at, const Path& path, std::string message);
  bool check_kind(const Value& v, Kind k, const Path& p);
  const Value* get(const Field& f, Kind k, bool req);
  std::optional<std::string_view> name(const Field& f, bool req);
  Symbol choice(const Field& f, bool req, std::span<const std::string_view> allowed);
  std::optional<DayNumber> date(const Field& f, bool req);
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
  SymbolCache cache_;
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

// The field's value when present and of kind `k`. A null optional field is absent;
// a null required field is of the wrong kind.
const Value* Loader::get(const Field& f, Kind k, bool req) {
  if (f.value == nullptr) {
    if (req) error(f.obj, f.path(), "missing required field");
    return nullptr;
  }
  if (!req && f.value->is(Kind::null)) return nullptr;
  return check_kind(*f.value, k, f.path()) ? f.value : nullptr;
}

// A non-empty string field.
std::optional<std::string_view> Loader::name(const Field& f, bool req) {
  const Value* v = get(f, Kind::string, req);
  if (v == nullptr) return std::nullopt;
  if (v->text().empty()) {
    error(*v, f.path(), "expected a non-empty string, got \"\"");
    return std::nullopt;
  }
  return v->text();
}

Symbol Loader::choice(const Field& f, bool req, std::span<const std::string_view> allowed) {
  const Value* v = get(f, Kind::string, req);
  if (v == nullptr) return no_symbol;
  if (std::find(allowed.begin(), allowed.end(), v->text()) == allowed.end()) {
    error(*v, f.path(), one_of(allowed) + ", got " + quoted(v->text()));
    return no_symbol;
  }
  return cache_.intern(v->text());
}

std::optional<DayNumber> Loader::date(const Field& f, bool req) {
  const Value* v = get(f, Kind::string, req);
  if (v == nullptr) return std::nullopt;
  auto day = parse_date(v->text());
  if (!day) error(*v, f.path(), "expected YYYY-MM-DD, got " + quoted(v->text()));
  return day;
}

std::optional<std::int64_t> Loader::micros(const Value& v, const Path& p) {
  std::string problem;
  auto m = parse_micros(v.text(), problem);
  if (!m) error(v, p, std::move(problem));
  return m;
}

Partner Loader::load(const Value& root) {
  Partner partner;
  const Path top;
  if (!root.is(Kind::object)) {
    error(root, top, std::string("expected an object at the top level, got ") + json::kind_name(root.kind()));
    return partner;
  }
  if (const Value* v = get(field(root, top, "partner"), Kind::object, true))
    load_header(*v, top.member("partner"), partner);

  if (const Value* people = get(field(root, top, "people"), Kind::array, false)) {
    const Path pp = top.member("people");
    partner.people.reserve(people->items().size());
    for (std::size_t i = 0; i < people->items().size(); ++i)
      if (check_kind(people->items()[i], Kind::object, pp.at(i))) load_person(people->items()[i], pp.at(i), partner);
  }

  if (const Value* customers = get(field(root, top, "customers"), Kind::array, false)) {
    const Path cp = top.member("customers");
    std::size_t rows = 0;
    for (const Value& c : customers->items())
      if (const Value* u = c.find("usage")) rows += u->items().size();
    UsageTable& u = partner.usage;
    for (auto* col : {&u.measure, &u.service, &u.service_group, &u.workload, &u.product, &u.offer, &u.association,
                      &u.area, &u.service_level_4, &u.service_influencer})
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
  if (auto id = name(field(obj, p, "id"), true)) out.id = *id;
  if (const Value* v = get(field(obj, p, "name"), Kind::string, false)) out.name = std::string(v->text());
  out.market = choice(field(obj, p, "market"), false, markets);
  const Value* attrs = get(field(obj, p, "attributes"), Kind::object, false);
  if (attrs == nullptr) return;
  const Path ap = p.member("attributes");
  for (const Value& m : attrs->items()) {
    const Path mp = ap.member(m.key());
    std::string key(m.key());
    switch (m.kind()) {
      case Kind::null: break;  // absent
      case Kind::string: out.attributes.emplace(std::move(key), std::string(m.text())); break;
      case Kind::boolean: out.attributes.emplace(std::move(key), m.boolean()); break;
      case Kind::number:
        if (auto n = micros(m, mp)) out.attributes.emplace(std::move(key), Decimal::from_micros(*n));
        break;
      default:
        error(m, mp, std::string("expected a string, number or boolean, got ") + json::kind_name(m.kind()));
    }
  }
}

void Loader::load_person(const Value& obj, const Path& p, Partner& out) {
  Person person;
  const Field id_field = field(obj, p, "id");
  if (auto id = name(id_field, true)) {
    person.id = symbols().intern(*id);
    auto [it, fresh] = person_ids_.emplace(person.id, out.people.size());
    if (!fresh)
      error(*id_field.value, id_field.path(),
            "duplicate person id " + quoted(*id) + " (first at people[" + std::to_string(it->second) + "])");
  }
  if (const Value* certs = get(field(obj, p, "certifications"), Kind::array, false)) {
    const Path cp = p.member("certifications");
    person.certifications.reserve(certs->items().size());
    for (std::size_t i = 0; i < certs->items().size(); ++i) {
      const Value& c = certs->items()[i];
      const Path ip = cp.at(i);
      if (!check_kind(c, Kind::object, ip)) continue;
      auto code = name(field(c, ip, "code"), true);
      auto earned = date(field(c, ip, "earned"), true);
      const Field expires_field = field(c, ip, "expires");
      auto expires = date(expires_field, false);
      if (earned && expires && *expires < *earned) {
        error(*expires_field.value, expires_field.path(),
              "expected a date not before earned (" + format_date(*earned) + "), got " +
                  quoted(expires_field.value->text()));
        continue;
      }
      if (code && earned) person.certifications.push_back({cache_.intern(*code), *earned, expires});
    }
  }
  out.people.push_back(std::move(person));
}

void Loader::load_customer(const Value& obj, const Path& p, Partner& out) {
  Customer customer;
  const auto index = std::uint32_t(out.customers.size());
  const Field tenant_field = field(obj, p, "tenant");
  if (auto tenant = name(tenant_field, true)) {
    customer.tenant = symbols().intern(*tenant);
    auto [it, fresh] = tenants_.emplace(customer.tenant, index);
    if (!fresh)
      error(*tenant_field.value, tenant_field.path(),
            "duplicate tenant " + quoted(*tenant) + " (first at customers[" + std::to_string(it->second) + "])");
  }
  customer.segment = choice(field(obj, p, "segment"), false, segments);
  if (const Value* assocs = get(field(obj, p, "associations"), Kind::array, false)) {
    const Path ap = p.member("associations");
    for (std::size_t i = 0; i < assocs->items().size(); ++i) {
      const Value& a = assocs->items()[i];
      const Path ip = ap.at(i);
      if (!check_kind(a, Kind::object, ip)) continue;
      const Symbol type = choice(field(a, ip, "type"), true, association_types);
      const auto since = date(field(a, ip, "since"), true);
      if (type != no_symbol && since) customer.associations.push_back({type, *since});
    }
  }
  out.customers.push_back(std::move(customer));
  if (const Value* usage = get(field(obj, p, "usage"), Kind::array, false)) {
    const Path up = p.member("usage");
    for (std::size_t i = 0; i < usage->items().size(); ++i)
      if (check_kind(usage->items()[i], Kind::object, up.at(i))) load_usage(usage->items()[i], up.at(i), index, out.usage);
  }
}

void Loader::load_usage(const Value& obj, const Path& p, std::uint32_t customer, UsageTable& out) {
  // The hot loop of the loader: one pass over the members instead of a lookup per field.
  // service_level_4 and service_influencer extend the contract (docs/data-contract.md).
  enum { month_, measure_, value_, service_, service_group_, workload_, product_, offer_, association_, area_,
         service_level_4_, service_influencer_, n_ };
  static constexpr std::array<std::string_view, n_> keys = {
      "month", "measure", "value", "service", "service_group", "workload", "product", "offer", "association", "area",
      "service_level_4", "service_influencer"};
  const Value* found[n_] = {};
  for (const Value& m : obj.items())
    for (std::size_t k = 0; k < n_; ++k)
      if (m.key() == keys[k]) {
        found[k] = &m;
        break;
      }
  auto at = [&](int k) { return Field{obj, p, keys[std::size_t(k)], found[k]}; };

  const std::size_t before = errors_;
  std::optional<MonthIndex> month;
  if (const Value* v = get(at(month_), Kind::string, true)) {
    month = parse_month(v->text());
    if (!month) error(*v, at(month_).path(), "expected YYYY-MM, got " + quoted(v->text()));
  }
  const Symbol measure = choice(at(measure_), true, measures);
  std::optional<std::int64_t> value;
  if (const Value* v = get(at(value_), Kind::number, true)) value = micros(*v, at(value_).path());
  auto dimension = [&](int k) {
    auto text = name(at(k), false);
    return text ? cache_.intern(*text) : no_symbol;
  };
  const Symbol service = dimension(service_), service_group = dimension(service_group_),
               workload = dimension(workload_), product = dimension(product_), offer = dimension(offer_);
  const Symbol association = choice(at(association_), false, association_types);
  const Symbol area = dimension(area_);
  const Symbol service_level_4 = dimension(service_level_4_), service_influencer = dimension(service_influencer_);
  if (errors_ != before) return;
  out.append({customer, *month, measure, *value, service, service_group, workload, product, offer, association, area,
              service_level_4, service_influencer});
}


// The EDITS document of `pcs what-if` (data/edits.hpp): each part holds
// elements exactly as in a partner file, loaded by the partner loader's own
// functions so the checks and messages are the same, at the edit's JSON path.
class EditsLoader {
 public:
  EditsLoader(Loader& l, const std::string& file) : l_(l), file_(file) {}

  Edits load(const Value& root) {
    Edits edits;
    const Path top;
    if (!root.is(Kind::object)) {
      l_.error(root, top, std::string("expected an object at the top level, got ") + json::kind_name(root.kind()));
      return edits;
    }
    static constexpr std::array<std::string_view, 5> parts = {"add_people", "add_certifications", "add_customers",
                                                              "add_usage", "remove_people"};
    for (const Value& m : root.items())
      if (std::find(parts.begin(), parts.end(), m.key()) == parts.end())
        l_.error(m, top.member(m.key()), one_of(parts) + " (the parts of an edits document)");
    if (const Value* people = l_.get(field(root, top, "add_people"), Kind::array, false)) {
      const Path pp = top.member("add_people");
      Partner scratch;
      for (std::size_t i = 0; i < people->items().size(); ++i)
        if (l_.check_kind(people->items()[i], Kind::object, pp.at(i))) {
          l_.load_person(people->items()[i], pp.at(i), scratch);
          edits.add_people_pos.push_back(pos(people->items()[i]));
        }
      edits.add_people = std::move(scratch.people);
    }
    if (const Value* certs = l_.get(field(root, top, "add_certifications"), Kind::array, false)) {
      const Path cp = top.member("add_certifications");
      for (std::size_t i = 0; i < certs->items().size(); ++i) {
        const Value& c = certs->items()[i];
        const Path ip = cp.at(i);
        if (!l_.check_kind(c, Kind::object, ip)) continue;
        auto person = l_.name(field(c, ip, "person"), true);
        auto code = l_.name(field(c, ip, "code"), true);
        auto earned = l_.date(field(c, ip, "earned"), true);
        const Field expires_field = field(c, ip, "expires");
        auto expires = l_.date(expires_field, false);
        if (earned && expires && *expires < *earned) {
          l_.error(*expires_field.value, expires_field.path(),
                   "expected a date not before earned (" + format_date(*earned) + "), got " +
                       quoted(expires_field.value->text()));
          continue;
        }
        if (person && code && earned)
          edits.add_certifications.push_back(
              {symbols().intern(*person), {l_.cache_.intern(*code), *earned, expires}, pos(c)});
      }
    }
    if (const Value* customers = l_.get(field(root, top, "add_customers"), Kind::array, false)) {
      const Path cp = top.member("add_customers");
      Partner scratch;
      for (std::size_t i = 0; i < customers->items().size(); ++i)
        if (l_.check_kind(customers->items()[i], Kind::object, cp.at(i))) {
          l_.load_customer(customers->items()[i], cp.at(i), scratch);
          edits.add_customers_pos.push_back(pos(customers->items()[i]));
        }
      edits.add_customers = std::move(scratch.customers);
      edits.add_customers_usage = std::move(scratch.usage);
    }
    if (const Value* usage = l_.get(field(root, top, "add_usage"), Kind::array, false)) {
      const Path up = top.member("add_usage");
      for (std::size_t i = 0; i < usage->items().size(); ++i) {
        const Value& u = usage->items()[i];
        const Path ip = up.at(i);
        if (!l_.check_kind(u, Kind::object, ip)) continue;
        auto tenant = l_.name(field(u, ip, "tenant"), true);
        UsageTable one;
        l_.load_usage(u, ip, 0, one);  // "tenant" is not a usage field: the row loader ignores it
        if (tenant && one.size() == 1) {
          UsageRow row{0, one.month[0], one.measure[0], one.value[0], one.service[0], one.service_group[0],
                       one.workload[0], one.product[0], one.offer[0], one.association[0], one.area[0],
                       one.service_level_4[0], one.service_influencer[0]};
          edits.add_usage.push_back({symbols().intern(*tenant), row, pos(u)});
        }
      }
    }
    if (const Value* remove = l_.get(field(root, top, "remove_people"), Kind::array, false)) {
      const Path rp = top.member("remove_people");
      for (std::size_t i = 0; i < remove->items().size(); ++i) {
        const Value& r = remove->items()[i];
        if (!l_.check_kind(r, Kind::string, rp.at(i))) continue;
        if (r.text().empty()) {
          l_.error(r, rp.at(i), "expected a non-empty string, got \"\"");
          continue;
        }
        edits.remove_people.push_back(symbols().intern(r.text()));
        edits.remove_people_pos.push_back(pos(r));
      }
    }
    return edits;
  }

 private:
  SourcePos pos(const Value& v) const {
    const json::Position p = l_.doc_.position(v);
    return SourcePos{file_, p.line, p.column, 1};
  }
  Loader& l_;
  const std::string& file_;
};

}  // namespace

std::optional<Partner> load_partner_json(std::string_view text, const std::string& file_name, Diagnostics& out) {
  auto doc = json::parse(text, file_name, out);
  if (!doc) return std::nullopt;
  Loader loader(*doc, file_name, out);
  Partner partner;
  try {
    partner = loader.load(doc->root());
    partner.usage_file = file_name;  // its rows are customers[c].usage[k], in order: a message can name one
    partner.usage_json_rows = partner.usage.size();
  } catch (const StopLoading&) {
  }
  if (loader.errors() != 0) return std::nullopt;
  return partner;
}

std::optional<Edits> load_edits_json(std::string_view text, const std::string& file_name, Diagnostics& out) {
  auto doc = json::parse(text, file_name, out);
  if (!doc) return std::nullopt;
  Loader loader(*doc, file_name, out);
  Edits edits;
  try {
    edits = EditsLoader(loader, file_name).load(doc->root());
  } catch (const StopLoading&) {
  }
  if (loader.errors() != 0) return std::nullopt;
  return edits;
}

}  // namespace pcs::data
