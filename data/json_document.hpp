// A small JSON document model for the partner loader. Every value keeps its
// source position; numbers keep their source text (they are never converted
// to binary floating point); strings are unescaped to UTF-8; objects keep
// their members in source order. A duplicate key is an error.
//
// The document is flat and compact, because a partner file has thousands of
// usage rows: all values live in one array owned by the Document (32 bytes
// each), the children of an array or object are contiguous, texts are views
// into the source (or into the document, for strings that had escapes), and
// a value records its byte offset; line and column are computed only when a
// diagnostic needs them. The document refers to the source text, which must
// outlive it.
#pragma once

#include <cstddef>
#include <cstdint>
#include <deque>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "common/diagnostics.hpp"

namespace pcs::data::json {

enum class Kind : std::uint8_t { null, boolean, number, string, array, object };

/// "null", "boolean", "number", "string", "array" or "object".
const char* kind_name(Kind kind);

class Value {
 public:
  Kind kind() const { return kind_; }
  bool is(Kind k) const { return kind_ == k; }
  bool boolean() const { return boolean_; }
  /// Byte offset of the value's first character in the source text.
  std::uint32_t offset() const { return offset_; }
  /// The member name, when this value is a member of an object.
  std::string_view key() const { return {key_, key_size_}; }
  /// Kind::string: the unescaped UTF-8 text; Kind::number: the source text.
  std::string_view text() const;
  /// Array elements, or object members in source order (each with its key()).
  std::span<const Value> items() const;
  /// The member named `name` of an object; nullptr when absent (or not an object).
  const Value* find(std::string_view name) const;

 private:
  friend struct Builder;
  Kind kind_ = Kind::null;
  bool boolean_ = false;
  std::uint32_t offset_ = 0;
  const char* key_ = "";
  std::uint32_t key_size_ = 0;
  std::uint32_t size_ = 0;      // text length or number of children
  const void* data_ = nullptr;  // text characters or first child
};

struct Position {
  std::uint32_t line = 0;    // 1-based
  std::uint32_t column = 0;  // 1-based, in bytes
};

class Document {
 public:
  Document() = default;
  Document(Document&&) = default;
  Document& operator=(Document&&) = default;
  Document(const Document&) = delete;  // values point into this document's storage
  Document& operator=(const Document&) = delete;

  const Value& root() const { return nodes_.back(); }
  /// Line and column of a value (or byte offset) in the source text. The line
  /// index is built on the first call, so do not call this from two threads at once.
  Position position(const Value& v) const { return position(v.offset()); }
  Position position(std::uint32_t offset) const;

 private:
  friend struct Builder;
  std::string_view source_;
  std::vector<Value> nodes_;         // children before parents; the root is last
  std::deque<std::string> strings_;  // unescaped texts that differ from the source
  mutable std::vector<std::uint32_t> line_starts_;
};

inline constexpr std::size_t default_max_depth = 64;

/// Parses one JSON text (RFC 8259; a leading UTF-8 byte order mark is skipped).
/// On failure adds a diagnostic with code "json-syntax" at the offending
/// line:column of `file_name` and returns nullopt. Nesting deeper than
/// `max_depth` arrays/objects is rejected, so no input can exhaust the stack.
/// The document refers to `text`, which must outlive it (at most 4 GiB).
std::optional<Document> parse(std::string_view text, const std::string& file_name, Diagnostics& out,
                              std::size_t max_depth = default_max_depth);

}  // namespace pcs::data::json
