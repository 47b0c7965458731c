// The runtime's reload thread: parses, checks and JIT-compiles flows in the
// background, one job at a time, so the HTTP threads keep serving calls
// while a reload runs. Refresh requests (SIGHUP, file changes) that arrive
// while one is pending are merged into it.
#pragma once

#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>

namespace flowc::server {

class ReloadWorker {
 public:
  // `refresh` is what a refresh request runs (reload everything that changed).
  explicit ReloadWorker(std::function<void()> refresh);
  ~ReloadWorker();  // finishes the running job, drops the queued ones
  ReloadWorker(const ReloadWorker&) = delete;
  ReloadWorker& operator=(const ReloadWorker&) = delete;

  void post(std::function<void()> job);
  void request_refresh();

 private:
  void run();

  std::function<void()> refresh_;
  std::mutex mu_;
  std::condition_variable cv_;
  std::deque<std::function<void()>> jobs_;
  bool refresh_pending_ = false;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace flowc::server
