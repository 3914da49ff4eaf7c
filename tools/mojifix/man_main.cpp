// man_main.cpp — build step: mojifix_man TEMPLATE OUT writes the man page (see man.cpp).
#include <fstream>
#include <iostream>
#include <sstream>

#include "cli.hpp"

int main(int argc, char** argv) {
  if (argc != 3) {
    std::cerr << "usage: mojifix_man TEMPLATE OUT\n";
    return 2;
  }
  std::ifstream in(argv[1], std::ios::binary);
  std::stringstream tpl;
  tpl << in.rdbuf();
  std::ofstream out(argv[2], std::ios::binary | std::ios::trunc);
  out << mojifix::cli::man_page(tpl.str());
  return in && out ? 0 : 1;
}
