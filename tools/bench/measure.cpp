// measure.cpp — wall-clock timing and child processes measured with wait4().
#include "measure.hpp"

#include <fcntl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <sstream>

namespace bench {

namespace {
double time_once(const std::function<void()>& fn) {
  const auto t0 = std::chrono::steady_clock::now();
  fn();
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}
}  // namespace

double best_seconds(int runs, const std::function<void()>& fn) {
  double best = 1e300;
  for (int i = 0; i < runs; ++i) best = std::min(best, time_once(fn));
  return best;
}

double median_seconds(int runs, const std::function<void()>& fn) {
  std::vector<double> t;
  for (int i = 0; i < runs; ++i) t.push_back(time_once(fn));
  std::nth_element(t.begin(), t.begin() + std::ptrdiff_t(t.size() / 2), t.end());
  return t[t.size() / 2];
}

namespace {

ChildRun spawn(const std::vector<std::string>& argv, const std::string& in_path) {
  ChildRun r;
  std::vector<char*> args;
  for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);
  const auto t0 = std::chrono::steady_clock::now();
  const pid_t pid = fork();
  if (pid == 0) {
    const int in = open(in_path.empty() ? "/dev/null" : in_path.c_str(), O_RDONLY);
    const int out = open("/dev/null", O_WRONLY);
    dup2(in, 0);
    dup2(out, 1);
    dup2(out, 2);
    execvp(args[0], args.data());
    _exit(127);
  }
  int status = 0;
  rusage ru{};
  wait4(pid, &status, 0, &ru);
  r.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  r.max_rss_kb = ru.ru_maxrss;
  r.cpu_seconds = double(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) + double(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e6;
  r.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return r;
}

int to_launcher = -1, from_launcher = -1;

bool write_all(int fd, const void* p, std::size_t n) {
  const char* c = static_cast<const char*>(p);
  while (n) {
    const ssize_t w = write(fd, c, n);
    if (w <= 0) return false;
    c += w;
    n -= std::size_t(w);
  }
  return true;
}

bool read_all(int fd, void* p, std::size_t n) {
  char* c = static_cast<char*>(p);
  while (n) {
    const ssize_t r = read(fd, c, n);
    if (r <= 0) return false;
    c += r;
    n -= std::size_t(r);
  }
  return true;
}

bool send_string(int fd, const std::string& s) {
  const std::uint32_t n = std::uint32_t(s.size());
  return write_all(fd, &n, sizeof n) && write_all(fd, s.data(), n);
}

bool recv_string(int fd, std::string& s) {
  std::uint32_t n = 0;
  if (!read_all(fd, &n, sizeof n)) return false;
  s.resize(n);
  return read_all(fd, s.data(), n);
}

}  // namespace

void start_launcher() {
  int req[2], resp[2];
  if (pipe(req) != 0 || pipe(resp) != 0) return;
  if (fork() == 0) {
    close(req[1]);
    close(resp[0]);
    for (;;) {
      std::uint32_t argc = 0;
      if (!read_all(req[0], &argc, sizeof argc)) _exit(0);
      std::vector<std::string> argv(argc);
      std::string in_path;
      for (auto& a : argv) recv_string(req[0], a);
      recv_string(req[0], in_path);
      const ChildRun r = spawn(argv, in_path);
      write_all(resp[1], &r, sizeof r);
    }
  }
  close(req[0]);
  close(resp[1]);
  to_launcher = req[1];
  from_launcher = resp[0];
}

ChildRun run_child(const std::vector<std::string>& argv, const std::string& in_path) {
  if (to_launcher < 0) return spawn(argv, in_path);
  const std::uint32_t argc = std::uint32_t(argv.size());
  write_all(to_launcher, &argc, sizeof argc);
  for (const auto& a : argv) send_string(to_launcher, a);
  send_string(to_launcher, in_path);
  ChildRun r;
  read_all(from_launcher, &r, sizeof r);
  return r;
}

std::string default_tool(const char* argv0) {
  return (std::filesystem::path(argv0).parent_path().parent_path().parent_path() / "mojifix").string();
}

bool have_program(const std::string& program) {
  if (program.find('/') != std::string::npos) return std::filesystem::exists(program);
  const char* path = std::getenv("PATH");
  std::stringstream ss(path ? path : "");
  for (std::string dir; std::getline(ss, dir, ':');)
    if (access((dir + "/" + program).c_str(), X_OK) == 0) return true;
  return false;
}

}  // namespace bench
