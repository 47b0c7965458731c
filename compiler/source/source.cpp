// Decoding of source bytes into code points and the line table.
#include "compiler/source/source.h"

#include <algorithm>

namespace flowc {

SourceRange SourceRange::join(const SourceRange& a, const SourceRange& b) {
  if (!a.valid()) return b;
  if (!b.valid() || a.file != b.file) return a;
  return {a.file, std::min(a.begin, b.begin), std::max(a.end, b.end)};
}

namespace {

// Decodes one UTF-8 sequence starting at s[i]; returns its length, or 0 if the
// bytes there are not valid UTF-8 (overlong forms and surrogates included).
size_t decode_one(std::string_view s, size_t i, char32_t& out) {
  auto b0 = static_cast<unsigned char>(s[i]);
  if (b0 < 0x80) {
    out = b0;
    return 1;
  }
  size_t len = 0;
  char32_t cp = 0;
  char32_t min = 0;
  if ((b0 & 0xE0) == 0xC0) {
    len = 2, cp = b0 & 0x1F, min = 0x80;
  } else if ((b0 & 0xF0) == 0xE0) {
    len = 3, cp = b0 & 0x0F, min = 0x800;
  } else if ((b0 & 0xF8) == 0xF0) {
    len = 4, cp = b0 & 0x07, min = 0x10000;
  } else {
    return 0;
  }
  if (i + len > s.size()) return 0;
  for (size_t k = 1; k < len; ++k) {
    auto b = static_cast<unsigned char>(s[i + k]);
    if ((b & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (b & 0x3F);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
  out = cp;
  return len;
}

}  // namespace

SourceFile::SourceFile(std::string path, std::string_view bytes)
    : path_(std::move(path)), byte_size_(bytes.size()) {
  text_.reserve(bytes.size());
  line_starts_.push_back(0);
  for (size_t i = 0; i < bytes.size();) {
    char32_t cp = 0;
    size_t n = decode_one(bytes, i, cp);
    if (n == 0 || cp == 0) {
      invalid_utf8_.push_back(static_cast<uint32_t>(text_.size()));
      cp = 0xFFFD;
      n = n == 0 ? 1 : n;
    }
    text_.push_back(cp);
    if (cp == U'\n') line_starts_.push_back(static_cast<uint32_t>(text_.size()));
    i += n;
  }
}

LineCol SourceFile::line_col(uint32_t offset) const {
  auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
  auto line = static_cast<uint32_t>(it - line_starts_.begin());
  return {line, offset - line_starts_[line - 1] + 1};
}

std::string SourceFile::line_text(uint32_t line) const {
  if (line == 0 || line > line_starts_.size()) return {};
  uint32_t begin = line_starts_[line - 1];
  uint32_t end = line < line_starts_.size() ? line_starts_[line] : static_cast<uint32_t>(text_.size());
  while (end > begin && (text_[end - 1] == U'\n' || text_[end - 1] == U'\r')) --end;
  return slice(begin, end);
}

std::string SourceFile::slice(uint32_t begin, uint32_t end) const {
  end = std::min<uint32_t>(end, static_cast<uint32_t>(text_.size()));
  if (begin >= end) return {};
  return to_utf8(std::u32string_view(text_).substr(begin, end - begin));
}

uint32_t SourceManager::add(std::string path, std::string_view bytes) {
  files_.push_back(std::make_unique<SourceFile>(std::move(path), bytes));
  return static_cast<uint32_t>(files_.size());
}

void append_utf8(std::string& out, char32_t c) {
  if (c < 0x80) {
    out.push_back(static_cast<char>(c));
  } else if (c < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (c >> 6)));
    out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else if (c < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (c >> 12)));
    out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (c >> 18)));
    out.push_back(static_cast<char>(0x80 | ((c >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
  }
}

std::string to_utf8(std::u32string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char32_t c : text) append_utf8(out, c);
  return out;
}

}  // namespace flowc
