// temporary driver
#include <fstream>
#include <iostream>
#include <sstream>
#include "compiler/parse/parser.h"
#include "compiler/diag/render.h"
int main(int argc, char** argv) {
  std::ifstream in(argv[1], std::ios::binary);
  std::stringstream ss; ss << in.rdbuf();
  flowc::SourceManager sm; auto id = sm.add(argv[1], ss.str());
  flowc::DiagnosticEngine d;
  auto f = flowc::parse_file(sm, id, d);
  std::cout << flowc::ast::dump(*f);
  std::cerr << flowc::render_text(sm, d.sorted());
  return d.has_errors();
}
