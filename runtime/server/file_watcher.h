// `flowc serve --watch`: watches directories with inotify and reports a
// change once the files have been quiet for the debounce time, so an
// editor's save (write to a temporary file, rename over the original)
// counts once. Only names ending in .flow count. Linux only.
#pragma once

#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace flowc::server {

struct WatchOptions {
  // The directories to watch; asked again after every change reported and
  // after update(), so new imports and new subdirectories are picked up.
  std::function<std::vector<std::string>()> dirs;
  int debounce_ms = 100;
  std::function<void()> on_change;  // called on the watcher's thread
  std::function<void(const std::string&)> log;
};

class FileWatcher {
 public:
  explicit FileWatcher(WatchOptions options);
  ~FileWatcher();
  FileWatcher(const FileWatcher&) = delete;
  FileWatcher& operator=(const FileWatcher&) = delete;

  // Sets up inotify and starts the thread; false with *error when inotify
  // is not available.
  bool start(std::string* error);
  // Asks for the directories again (e.g. after a reload found a new import).
  void update();
  void stop();
  size_t watched() const;

 private:
  void run();
  void rewatch();
  void wake();

  WatchOptions options_;
  int inotify_fd_ = -1;
  int wake_[2] = {-1, -1};
  mutable std::mutex mu_;
  std::map<int, std::string> by_wd_;
  std::thread thread_;
};

}  // namespace flowc::server
