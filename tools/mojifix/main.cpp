// main.cpp — the mojifix executable: a thin wrapper over cli::run().
#include <iostream>
#include <string>
#include <vector>

#include "cli.hpp"

int main(int argc, char** argv) {
  std::ios::sync_with_stdio(false);
  mojifix::cli::install_signal_handlers();
  std::vector<std::string> args(argv + 1, argv + argc);
  return mojifix::cli::run(args, std::cin, std::cout, std::cerr);
}
