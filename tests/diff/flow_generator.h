// A seeded generator of random valid flows for the differential test: every
// module kind, clause, action, attachment and expression form of the
// language, in flows that `flowc check` accepts without errors.
#pragma once

#include <cstdint>
#include <set>
#include <string>
#include <utility>
#include <vector>

namespace flowc::testing::diff {

// A small portable PRNG (splitmix64): a seed is the same case everywhere.
class Rng {
 public:
  explicit Rng(uint64_t seed) : state_(seed) {}
  uint64_t next();
  uint32_t below(uint32_t n);  // [0, n); 0 when n == 0
  int range(int lo, int hi);   // [lo, hi]
  bool chance(double p);
  template <class T>
  const T& pick(const std::vector<T>& v) {
    return v[below(static_cast<uint32_t>(v.size()))];
  }
  template <class T>
  void shuffle(std::vector<T>& v) {
    for (size_t i = v.size(); i > 1; --i) std::swap(v[i - 1], v[below(static_cast<uint32_t>(i))]);
  }

 private:
  uint64_t state_;
};

struct GeneratedFlow {
  uint64_t seed = 0;
  std::string name;    // the flow's name ("gen_…")
  std::string source;  // the .flow text
  // The constructs this flow uses ("module:menu", "expr:matches", …), for
  // the generator's coverage guard; see all_features().
  std::set<std::string> features;
};

struct FlowGenOptions {
  int min_modules = 3;
  int max_modules = 14;
};

GeneratedFlow generate_flow(uint64_t seed, const FlowGenOptions& options = {});

// Every feature name generate_flow() can report: a corpus of a few hundred
// seeds must use them all.
const std::vector<std::string>& all_features();

}  // namespace flowc::testing::diff
