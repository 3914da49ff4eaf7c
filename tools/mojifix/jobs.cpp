// jobs.cpp — a ring of job slots: workers take the next job inside the window, the calling
// thread makes the oldest job's output live and waits for it to finish.
#include "jobs.hpp"

#include <sched.h>

#include <algorithm>
#include <condition_variable>
#include <memory>
#include <string>
#include <thread>
#include <vector>

namespace mojifix::cli {

void JobOutput::write(Stream s, std::string_view bytes) {
  std::unique_lock lock(m_);
  if (!live_ && spool_.size() + bytes.size() > kMaxHeld) turn_.wait(lock, [this] { return live_ != nullptr; });
  if (live_) live_->write(s, bytes);
  else spool_.append(s, bytes);
}

void JobOutput::err_line(std::string_view line) {
  std::string l(line);
  l += '\n';
  write(Stream::err, l);
}

unsigned available_cpus() {
  cpu_set_t set;
  if (sched_getaffinity(0, sizeof set, &set) == 0) {
    const int n = CPU_COUNT(&set);
    if (n > 0) return unsigned(n);
  }
  return std::max(1u, std::thread::hardware_concurrency());
}

void run_ordered(std::size_t n, unsigned threads, Console& console,
                 const std::function<void(std::size_t, JobOutput&)>& work) {
  if (n == 0) return;
  threads = unsigned(std::clamp<std::size_t>(threads, 1, n));
  const std::size_t window = std::min<std::size_t>(n, std::max<std::size_t>(16, 4 * std::size_t(threads)));
  // Held-back output in memory: about 16 MiB in all, the rest spills to a temporary file.
  const std::size_t per_job = std::max<std::size_t>(64u << 10, (16u << 20) / window);

  struct Slot {
    std::unique_ptr<JobOutput> out;
    bool done = false;
  };
  std::vector<Slot> ring(window);
  std::mutex m;
  std::condition_variable cv;
  std::size_t next = 0, head = 0;
  auto fresh = [&](Slot& s) {
    s.out = std::make_unique<JobOutput>(per_job);
    s.done = false;
  };
  for (Slot& s : ring) fresh(s);

  auto worker = [&] {
    for (;;) {
      std::size_t i;
      {
        std::unique_lock lock(m);
        cv.wait(lock, [&] { return next >= n || next < head + window; });
        if (next >= n) return;
        i = next++;
      }
      work(i, *ring[i % window].out);
      {
        std::lock_guard lock(m);
        ring[i % window].done = true;
      }
      cv.notify_all();
    }
  };
  std::vector<std::thread> pool;
  for (unsigned t = 0; t < threads; ++t) pool.emplace_back(worker);

  for (; head < n;) {
    Slot& s = ring[head % window];
    {
      std::lock_guard lock(s.out->m_);
      s.out->spool_.drain([&](Stream st, std::string_view b) { console.write(st, b); });
      s.out->live_ = &console;
    }
    s.out->turn_.notify_all();
    {
      std::unique_lock lock(m);
      cv.wait(lock, [&] { return s.done; });
      fresh(s);
      ++head;
    }
    cv.notify_all();
  }
  for (auto& t : pool) t.join();
}

}  // namespace mojifix::cli
