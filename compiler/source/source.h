// Source files and locations: buffers decoded to code points, offset → line:col,
// and the line text a diagnostic shows under its caret.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace flowc {

// A half-open range [begin, end) of code point offsets in one source file.
struct SourceRange {
  uint32_t file = 0;  // 0 = no location; otherwise SourceManager file id
  uint32_t begin = 0;
  uint32_t end = 0;

  bool valid() const { return file != 0; }
  static SourceRange join(const SourceRange& a, const SourceRange& b);
};

struct LineCol {
  uint32_t line = 0;  // 1-based
  uint32_t col = 0;   // 1-based, in code points
};

// One decoded source buffer. Invalid UTF-8 bytes are replaced by U+FFFD and
// their offsets remembered so the parser can report them.
class SourceFile {
 public:
  SourceFile(std::string path, std::string_view bytes);

  const std::string& path() const { return path_; }
  const std::u32string& text() const { return text_; }
  size_t byte_size() const { return byte_size_; }
  const std::vector<uint32_t>& invalid_utf8() const { return invalid_utf8_; }

  LineCol line_col(uint32_t offset) const;
  uint32_t line_count() const { return static_cast<uint32_t>(line_starts_.size()); }
  // The text of a 1-based line without its line break, as UTF-8.
  std::string line_text(uint32_t line) const;
  // The text of [begin, end) as UTF-8.
  std::string slice(uint32_t begin, uint32_t end) const;

 private:
  std::string path_;
  std::u32string text_;
  size_t byte_size_ = 0;
  std::vector<uint32_t> line_starts_;
  std::vector<uint32_t> invalid_utf8_;
};

// Owns every file read during one compilation; ids start at 1.
class SourceManager {
 public:
  uint32_t add(std::string path, std::string_view bytes);
  const SourceFile& file(uint32_t id) const { return *files_.at(id - 1); }
  size_t size() const { return files_.size(); }

 private:
  std::vector<std::unique_ptr<SourceFile>> files_;
};

std::string to_utf8(std::u32string_view text);
void append_utf8(std::string& out, char32_t c);

}  // namespace flowc
