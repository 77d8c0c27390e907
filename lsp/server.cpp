// The message loop: JSON-RPC requests and notifications to the features.
// Malformed input never ends the loop: a bad frame or invalid JSON is a
// parse error reply, an unknown method a method-not-found reply.
#include "lsp/server.hpp"

#include <filesystem>
#include <set>

#include <nlohmann/json.hpp>

#include "format/formatter.hpp"
#include "lsp/completion.hpp"
#include "lsp/hover.hpp"
#include "lsp/json_rpc.hpp"
#include "lsp/names.hpp"
#include "lsp/navigation.hpp"
#include "lsp/positions.hpp"
#include "lsp/workspace.hpp"

namespace pcs::lsp {

using nlohmann::json;

namespace {

struct RpcError {
  int code;
  std::string message;
};

class Server {
 public:
  explicit Server(std::ostream& out) : out_(out) {}

  void send(const json& message) { write_frame(out_, message.dump()); }
  void reply_error(const json& id, int code, const std::string& message) {
    send({{"jsonrpc", "2.0"}, {"id", id}, {"error", {{"code", code}, {"message", message}}}});
  }

  /// Handles one message; returns false on `exit`.
  bool handle(const json& m) {
    if (!m.is_object() || !m.contains("method") || !m["method"].is_string()) {
      if (m.is_object() && (m.contains("result") || m.contains("error"))) return true;  // a reply to us
      reply_error(m.is_object() && m.contains("id") ? m["id"] : json(nullptr), -32600, "invalid request: no method");
      return true;
    }
    const std::string method = m["method"];
    const json params = m.value("params", json::object());
    const bool is_request = m.contains("id");
    if (method == "exit") return false;
    try {
      json result = dispatch(method, params, is_request);
      if (is_request) send({{"jsonrpc", "2.0"}, {"id", m["id"]}, {"result", result}});
    } catch (const RpcError& e) {
      if (is_request) reply_error(m["id"], e.code, e.message);
    } catch (const std::exception& e) {  // a malformed params object (json type_error) and the like
      if (is_request) reply_error(m["id"], -32602, std::string("invalid params: ") + e.what());
    }
    return true;
  }

  bool shut_down = false;

 private:
  json dispatch(const std::string& method, const json& p, bool is_request) {
    if (method == "initialize") return initialize(p);
    if (method == "shutdown") { shut_down = true; return nullptr; }
    if (method == "initialized" || method == "$/cancelRequest") return nullptr;
    if (method == "workspace/didChangeConfiguration") {
      // {"settings": {"pcs": {"testPartner": "..."}}}, as VS Code sends the pcs section.
      const auto& settings = p.value("settings", json::object());
      if (settings.is_object() && settings.contains("pcs") && settings["pcs"].is_object())
        hover_settings_.test_partner = settings["pcs"].value("testPartner", std::string());
      return nullptr;
    }
    if (method == "textDocument/didOpen") {
      ws_.open(path_of(p["textDocument"]), p["textDocument"]["text"].get<std::string>());
      refresh();
      return nullptr;
    }
    if (method == "textDocument/didChange") {
      // Full synchronisation: the last change holds the whole text.
      ws_.open(path_of(p["textDocument"]), p["contentChanges"].back()["text"].get<std::string>());
      refresh();
      return nullptr;
    }
    if (method == "textDocument/didClose") {
      ws_.close(path_of(p["textDocument"]));
      refresh();
      return nullptr;
    }
    if (method == "textDocument/didSave" || method == "workspace/didChangeWatchedFiles") { refresh(); return nullptr; }
    if (method == "textDocument/formatting") return formatting(p);
    if (method == "textDocument/codeAction") return code_actions(p);
    if (method == "textDocument/hover") return hover(ws_, p, hover_settings_);
    if (method == "textDocument/definition") return definition(ws_, p);
    if (method == "textDocument/references") return references(ws_, p);
    if (method == "textDocument/documentSymbol") return document_symbols(ws_, p);
    if (method == "textDocument/completion") return completion(ws_, p);
    if (!is_request) return nullptr;  // notifications we do not need are ignored, as the protocol says
    throw RpcError{-32601, "method not found: " + method};
  }

  static std::string path_of(const json& doc) { return Workspace::absolute(uri_to_path(doc["uri"].get<std::string>())); }

  json initialize(const json& p) {
    if (p.contains("rootUri") && p["rootUri"].is_string()) hover_settings_.root = uri_to_path(p["rootUri"].get<std::string>());
    if (p.contains("initializationOptions") && p["initializationOptions"].is_object())
      hover_settings_.test_partner = p["initializationOptions"].value("testPartner", std::string());
    return {{"capabilities",
             {{"textDocumentSync", 1},
              {"documentFormattingProvider", true},
              {"codeActionProvider", true},
              {"hoverProvider", true},
              {"definitionProvider", true},
              {"referencesProvider", true},
              {"documentSymbolProvider", true},
              {"completionProvider", {{"triggerCharacters", json::array({".", "-"})}}}}},
            {"serverInfo", {{"name", "pcs"}}}};
  }

  /// Analyses every open folder again and publishes each file's diagnostics
  /// (an empty list for a file that has none any more).
  void refresh() {
    ws_.analyse();
    std::map<std::string, json> by_file;
    for (const auto& file : published_) by_file[file] = json::array();
    for (const auto& [file, text] : ws_.documents().texts()) by_file[file] = json::array();
    for (const auto& [dir, a] : ws_.analyses()) {
      std::set<std::string> seen;
      for (const auto& d : a.diagnostics.items()) {
        if (d.pos.file.empty()) continue;
        const auto file = Workspace::absolute(d.pos.file);
        auto key = fmt_key(file, d);
        if (!seen.insert(key).second) continue;
        json item{{"range", range_of(d.pos, a.sources.line(d.pos.file, d.pos.line))},
                  {"severity", d.severity == Severity::error ? 1 : d.severity == Severity::warning ? 2 : 3},
                  {"code", d.code},
                  {"source", "pcs"},
                  {"message", d.hint.empty() ? d.message : d.message + "\nhint: " + d.hint}};
        if (!d.replacement.empty()) item["data"] = {{"replacement", d.replacement}};
        if (file == dir) {
          // About the folder itself (deleted, emptied): shown at the top of each of its open files.
          for (const auto& [open, text] : ws_.documents().texts())
            if (std::filesystem::path(open).parent_path().string() == dir) by_file[open].push_back(item);
          continue;
        }
        by_file[file].push_back(item);
      }
    }
    published_.clear();
    for (auto& [file, items] : by_file) {
      if (!items.empty()) published_.insert(file);
      send({{"jsonrpc", "2.0"}, {"method", "textDocument/publishDiagnostics"},
            {"params", {{"uri", path_to_uri(file)}, {"diagnostics", items}}}});
    }
  }
  static std::string fmt_key(const std::string& file, const Diagnostic& d) {
    return file + ":" + std::to_string(d.pos.line) + ":" + std::to_string(d.pos.column) + ":" + d.message;
  }

  json formatting(const json& p) {
    const auto path = path_of(p["textDocument"]);
    const auto* text = ws_.text(path);
    if (!text) throw RpcError{-32602, "the document is not open"};
    auto result = format::format_source(*text, path);
    if (!result.ok) {
      const auto& d = result.diagnostics.items().front();
      throw RpcError{-32603, "cannot format: " + d.message};
    }
    if (result.text == *text) return json::array();
    std::uint32_t lines = 0;
    for (char c : *text) lines += c == '\n';
    return json::array({{{"range", {{"start", {{"line", 0}, {"character", 0}}}, {"end", {{"line", lines + 1}, {"character", 0}}}}},
                         {"newText", result.text}}});
  }

  /// Quick fixes for the checker's "did you mean" hints, from the diagnostics the client sends back.
  json code_actions(const json& p) {
    json actions = json::array();
    const auto uri = p["textDocument"]["uri"];
    for (const auto& d : p["context"].value("diagnostics", json::array())) {
      if (!d.contains("data") || !d["data"].contains("replacement")) continue;
      const std::string replacement = d["data"]["replacement"];
      json edit{{"changes", {{uri.get<std::string>(), json::array({{{"range", d["range"]}, {"newText", replacement}}})}}}};
      actions.push_back({{"title", "Replace with '" + replacement + "'"}, {"kind", "quickfix"},
                         {"diagnostics", json::array({d})}, {"isPreferred", true}, {"edit", edit}});
    }
    return actions;
  }

  std::ostream& out_;
  HoverSettings hover_settings_;
  Workspace ws_;
  std::set<std::string> published_;
};

}  // namespace

int serve(std::istream& in, std::ostream& out) {
  Server server(out);
  for (;;) {
    auto frame = read_frame(in);
    if (frame.kind == Frame::Kind::end) break;
    if (frame.kind == Frame::Kind::bad_header) {
      server.reply_error(nullptr, -32700, frame.problem);
      continue;
    }
    auto message = json::parse(frame.body, nullptr, false);
    if (message.is_discarded()) {
      server.reply_error(nullptr, -32700, "the message is not valid JSON");
      continue;
    }
    if (!server.handle(message)) return server.shut_down ? 0 : 1;
  }
  return 1;
}

}  // namespace pcs::lsp
