// The reload thread and its queue.
#include "runtime/server/reload_worker.h"

#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace flowc::server {

ReloadWorker::ReloadWorker(std::function<void()> refresh)
    : refresh_(std::move(refresh)), thread_([this] { run(); }) {}

ReloadWorker::~ReloadWorker() {
  {
    std::lock_guard lock(mu_);
    stopping_ = true;
  }
  cv_.notify_all();
  thread_.join();
}

void ReloadWorker::post(std::function<void()> job) {
  {
    std::lock_guard lock(mu_);
    jobs_.push_back(std::move(job));
  }
  cv_.notify_all();
}

void ReloadWorker::request_refresh() {
  {
    std::lock_guard lock(mu_);
    refresh_pending_ = true;
  }
  cv_.notify_all();
}

void ReloadWorker::run() {
  std::unique_lock lock(mu_);
  for (;;) {
    cv_.wait(lock, [this] { return stopping_ || refresh_pending_ || !jobs_.empty(); });
    if (stopping_) return;
    std::function<void()> job;
    if (!jobs_.empty()) {
      job = std::move(jobs_.front());
      jobs_.pop_front();
    } else {
      refresh_pending_ = false;
      job = refresh_;
    }
    lock.unlock();
    if (job) job();
#if defined(__GLIBC__)
    // A compile allocates and frees tens of MiB; glibc keeps freed memory
    // in its arenas unless asked. Without this, RSS creeps up by the
    // fragmentation of every reload even though every old version is freed.
    malloc_trim(0);
#endif
    lock.lock();
  }
}

}  // namespace flowc::server
