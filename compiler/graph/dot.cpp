// DOT output: one node per state, shaped by what the module does, one edge
// per transition; error and timeout routes are drawn dashed.
#include "compiler/graph/dot.h"

namespace flowc {

namespace {

std::string escape(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    if (c == '\n') {
      out += "\\n";
      continue;
    }
    out += c;
  }
  return out;
}

std::string shorten(const std::string& s, size_t n) { return s.size() <= n ? s : s.substr(0, n - 3) + "..."; }

const char* shape_of(const std::string& kind) {
  if (kind == "switch") return "diamond";
  if (kind == "hangup") return "doublecircle";
  if (kind == "queue" || kind == "transfer") return "house";
  if (kind == "http" || kind == "email" || kind == "set") return "component";
  if (kind == "input" || kind == "menu") return "parallelogram";
  return "box";
}

const char* color_of(const std::string& kind) {
  if (kind == "switch") return "#fff4d6";
  if (kind == "hangup") return "#f3d6d6";
  if (kind == "queue" || kind == "transfer") return "#d6f0dc";
  if (kind == "http" || kind == "email" || kind == "set") return "#e2e2f6";
  if (kind == "input" || kind == "menu") return "#d9ecf7";
  return "#ffffff";
}

}  // namespace

std::string to_dot(const ir::Flow& f) {
  std::string out;
  out += "digraph \"" + escape(f.name) + "\" {\n";
  out += "  graph [rankdir=TB, fontname=\"Helvetica\", label=\"flow " + escape(f.name) + "\", labelloc=t];\n";
  out += "  node [fontname=\"Helvetica\", fontsize=11, style=filled];\n";
  out += "  edge [fontname=\"Helvetica\", fontsize=9];\n";
  out += "  __start [shape=point, width=0.15, label=\"\"];\n";
  for (const auto& s : f.states) {
    std::string label = s.name + "\\n" + s.kind;
    if (!s.summary.empty()) label += "\\n" + escape(shorten(s.summary, 40));
    out += "  \"" + escape(s.name) + "\" [shape=" + shape_of(s.kind) + ", fillcolor=\"" + color_of(s.kind) +
           "\", label=\"" + label + "\"];\n";
  }
  out += "  __start -> \"" + escape(f.states[f.start_state].name) + "\";\n";
  for (const auto& s : f.states) {
    for (const auto& e : s.edges) {
      bool failure = e.label == "on error" || e.label == "on timeout" || e.label == "on invalid";
      out += "  \"" + escape(s.name) + "\" -> \"" + escape(f.states[e.target].name) + "\" [label=\"" +
             escape(shorten(e.label, 40)) + "\"";
      if (failure) out += ", style=dashed, color=\"#b03030\", fontcolor=\"#b03030\"";
      out += "];\n";
    }
  }
  out += "}\n";
  return out;
}

}  // namespace flowc
