// inotify, a wake-up pipe and a trailing debounce on one thread.
#include "runtime/server/file_watcher.h"

#include <cerrno>
#include <chrono>
#include <cstring>
#include <fcntl.h>
#include <poll.h>
#include <sys/inotify.h>
#include <unistd.h>

namespace flowc::server {

namespace {

constexpr uint32_t kMask = IN_CLOSE_WRITE | IN_MODIFY | IN_MOVED_TO | IN_MOVED_FROM | IN_CREATE | IN_DELETE |
                           IN_DELETE_SELF | IN_MOVE_SELF | IN_ATTRIB;

bool counts(const inotify_event& ev) {
  if (ev.mask & (IN_DELETE_SELF | IN_MOVE_SELF | IN_Q_OVERFLOW)) return true;
  if (ev.len == 0) return false;
  std::string name(ev.name);
  if (ev.mask & IN_ISDIR) return (ev.mask & (IN_CREATE | IN_MOVED_TO | IN_MOVED_FROM | IN_DELETE)) != 0;
  return name.size() > 5 && name.compare(name.size() - 5, 5, ".flow") == 0;
}

}  // namespace

FileWatcher::FileWatcher(WatchOptions options) : options_(std::move(options)) {}

FileWatcher::~FileWatcher() {
  stop();
  for (int fd : {inotify_fd_, wake_[0], wake_[1]})
    if (fd >= 0) close(fd);
}

bool FileWatcher::start(std::string* error) {
  inotify_fd_ = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
  if (inotify_fd_ < 0) {
    *error = std::string("--watch: inotify is not available: ") + std::strerror(errno);
    return false;
  }
  if (pipe2(wake_, O_NONBLOCK | O_CLOEXEC) != 0) {
    *error = std::string("--watch: ") + std::strerror(errno);
    close(inotify_fd_);
    inotify_fd_ = -1;
    return false;
  }
  rewatch();
  thread_ = std::thread([this] { run(); });
  return true;
}

void FileWatcher::wake() {
  if (wake_[1] < 0) return;
  char c = 'u';
  [[maybe_unused]] ssize_t n = write(wake_[1], &c, 1);
}

void FileWatcher::update() {
  wake();
}

void FileWatcher::stop() {
  if (!thread_.joinable()) return;
  {
    char c = 's';
    [[maybe_unused]] ssize_t n = write(wake_[1], &c, 1);
  }
  thread_.join();  // the descriptors stay open until destruction: update() may still write
}

size_t FileWatcher::watched() const {
  std::lock_guard lock(mu_);
  return by_wd_.size();
}

void FileWatcher::rewatch() {
  std::vector<std::string> dirs = options_.dirs ? options_.dirs() : std::vector<std::string>{};
  std::map<int, std::string> now;
  for (const auto& d : dirs) {
    // The same directory gives back the same watch descriptor.
    int wd = inotify_add_watch(inotify_fd_, d.c_str(), kMask | IN_ONLYDIR);
    if (wd < 0) {
      if (options_.log) options_.log("--watch: cannot watch " + d + ": " + std::strerror(errno));
      continue;
    }
    now[wd] = d;
  }
  std::lock_guard lock(mu_);
  for (const auto& [wd, d] : by_wd_)
    if (!now.count(wd)) inotify_rm_watch(inotify_fd_, wd);
  by_wd_ = std::move(now);
}

void FileWatcher::run() {
  using clock = std::chrono::steady_clock;
  bool pending = false;
  clock::time_point due{};
  alignas(inotify_event) char buf[16 * 1024];
  for (;;) {
    int timeout = -1;
    if (pending) {
      auto left = std::chrono::duration_cast<std::chrono::milliseconds>(due - clock::now()).count();
      timeout = left < 0 ? 0 : static_cast<int>(left);
    }
    pollfd fds[2] = {{inotify_fd_, POLLIN, 0}, {wake_[0], POLLIN, 0}};
    int n = poll(fds, 2, timeout);
    if (n < 0 && errno != EINTR) return;
    if (n > 0 && (fds[1].revents & POLLIN)) {
      char c;
      bool do_stop = false, do_update = false;
      while (read(wake_[0], &c, 1) == 1) (c == 's' ? do_stop : do_update) = true;
      if (do_stop) return;
      if (do_update) rewatch();
    }
    if (n > 0 && (fds[0].revents & POLLIN)) {
      ssize_t len;
      while ((len = read(inotify_fd_, buf, sizeof buf)) > 0) {
        for (char* p = buf; p < buf + len;) {
          auto* ev = reinterpret_cast<inotify_event*>(p);
          if (counts(*ev)) {
            pending = true;
            due = clock::now() +
                  std::chrono::milliseconds(options_.debounce_ms);  // trailing: quiet for that long
          }
          p += sizeof(inotify_event) + ev->len;
        }
      }
    }
    if (pending && clock::now() >= due) {
      pending = false;
      if (options_.on_change) options_.on_change();
      rewatch();
    }
  }
}

}  // namespace flowc::server
